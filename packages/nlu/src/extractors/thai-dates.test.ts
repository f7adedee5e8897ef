import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 17:00 in Bangkok.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('th', 'Asia/Bangkok', NOW);

describe('Thai system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['วันนี้', 'sys.date', 'วันนี้', '2026-12-01'],
    ['จองโต๊ะพรุ่งนี้', 'sys.date', 'พรุ่งนี้', '2026-12-02'],
    ['มะรืนนี้', 'sys.date', 'มะรืนนี้', '2026-12-03'],
    ['เมื่อวาน', 'sys.date', 'เมื่อวาน', '2026-11-30'],
    ['วันศุกร์', 'sys.date', 'วันศุกร์', '2026-12-04'],
    ['ศุกร์หน้า', 'sys.date', 'ศุกร์หน้า', '2026-12-11'],
    ['24 ธันวาคม', 'sys.date', '24 ธันวาคม', '2026-12-24'],
    ['วันที่ ๕ ม.ค. 2570', 'sys.date', 'วันที่ ๕ ม.ค. 2570', '2027-01-05'],
    ['อีก 3 วัน', 'sys.date', 'อีก 3 วัน', '2026-12-04'],
    ['บ่ายสามโมง', 'sys.time', 'บ่ายสามโมง', '15:00:00'],
    ['บ่าย 3 โมงครึ่ง', 'sys.time', 'บ่าย 3 โมงครึ่ง', '15:30:00'],
    ['สองทุ่ม', 'sys.time', 'สองทุ่ม', '20:00:00'],
    ['แปดโมงเช้า', 'sys.time', 'แปดโมงเช้า', '08:00:00'],
    ['ตีสอง', 'sys.time', 'ตีสอง', '02:00:00'],
    ['เที่ยงคืน', 'sys.time', 'เที่ยงคืน', '00:00:00'],
    ['20.30 น.', 'sys.time', '20.30 น.', '20:30:00'],
    ['พรุ่งนี้บ่ายสามโมง', 'sys.datetime', 'พรุ่งนี้บ่ายสามโมง', '2026-12-02T15:00:00+07:00'],
    ['พรุ่งนี้ 2 ทุ่ม', 'sys.datetime', 'พรุ่งนี้ 2 ทุ่ม', '2026-12-02T20:00:00+07:00'],
    ['30 นาที', 'sys.duration', '30 นาที', 1800],
    ['สามสิบนาที', 'sys.duration', 'สามสิบนาที', 1800],
    ['อีกสิบห้าวัน', 'sys.date', 'อีกสิบห้าวัน', '2026-12-16'],
    ['สั่งพิซซ่าสองถาด', 'sys.number', 'สอง', 2],
    ['สามสิบสองคน', 'sys.number', 'สามสิบสอง', 32],
    ['ยี่สิบเอ็ดคน', 'sys.number', 'ยี่สิบเอ็ด', 21],
    ['ห้าแสนคน', 'sys.number', 'ห้าแสน', 500000],
    ['ลดราคาห้าสิบเปอร์เซ็นต์', 'sys.percentage', 'ห้าสิบเปอร์เซ็นต์', 50],
    ['ร้อยละ 20', 'sys.percentage', 'ร้อยละ 20', 20],
    ['หนึ่งพันสองร้อยบาท', 'sys.money', 'หนึ่งพันสองร้อยบาท', { amount: 1200, currency: 'THB' }],
    ['๒๕ บาท', 'sys.money', '๒๕ บาท', { amount: 25, currency: 'THB' }],
    ['ห้าสิบดอลลาร์', 'sys.money', 'ห้าสิบดอลลาร์', { amount: 50, currency: 'USD' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('leaves words that only contain a date word alone', () => {
    expect(find('ดวงอาทิตย์ขึ้น')).toEqual([]);
    expect(find('ดวงจันทร์สวย')).toEqual([]);
  });

  it('leaves number words inside other words alone, and two numbers in a row', () => {
    // A husband, a shopping mall, "very good", a crossroads; "two or three days".
    for (const text of ['สามีของฉัน', 'ไปห้างสรรพสินค้า', 'แสนดีมาก', 'สี่แยก', 'สองสามวัน'])
      expect(find(text).filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['คนที่สาม', 3, 'ที่สาม'],
    ['ครั้งที่สอง', 2, 'ที่สอง'],
    ['ขอที่สิบเอ็ด', 11, 'ที่สิบเอ็ด'],
    ['ชั้นที่ 3', 3, 'ที่ 3'],
    ['ข้อที่๓', 3, 'ที่๓'],
    ['ครั้งแรก', 1, 'แรก'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it('reads "วันที่" and a number as the day of the month', () => {
    expect(find('วันที่ห้า')).toContainEqual({
      name: 'sys.date',
      value: '2026-12-05',
      at: 'วันที่ห้า',
    });
  });

  it.each([
    // Seats for two, to Samyan, at first, a husband.
    'ที่ 2 คน',
    'ไปที่สามย่าน',
    'แรกๆ',
    'สามีของฉัน',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money', 'sys.percentage', 'sys.ordinal'],
      'th',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
