import { thaiNumberValue, thaiNumeralValue } from './thai-numbers.js';

describe('Thai numerals', () => {
  it.each<[string, number]>([
    ['สิบ', 10],
    ['สิบเอ็ด', 11],
    ['ยี่สิบ', 20],
    ['หนึ่งร้อยห้าสิบ', 150],
    ['สามพันห้าร้อย', 3500],
    ['สองแสนห้าหมื่น', 250_000],
    ['หนึ่งล้านสองแสน', 1_200_000],
    ['สองร้อยล้าน', 200_000_000],
  ])('"%s" is %d', (text, value) => {
    expect(thaiNumeralValue(text)).toBe(value);
  });

  it('is no number when two units follow each other ("two or three")', () => {
    expect(thaiNumeralValue('สองสาม')).toBeUndefined();
  });

  it('reads Thai digits as digits', () => {
    expect(thaiNumberValue('๒๕')).toBe(25);
    expect(thaiNumberValue('25')).toBe(25);
  });
});
