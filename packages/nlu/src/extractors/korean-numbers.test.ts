import { nativeKoreanValue, sinoKoreanValue } from './korean-numbers.js';

describe('Korean numerals', () => {
  it.each<[string, number]>([
    ['십', 10],
    ['이십오', 25],
    ['백오십', 150],
    ['오천', 5000],
    ['삼만오천', 35_000],
    ['3만5천', 35_000],
    ['삼천오백만', 35_000_000],
    ['이억', 200_000_000],
  ])('Sino-Korean "%s" is %d', (text, value) => {
    expect(sinoKoreanValue(text)).toBe(value);
  });

  it('is no Sino-Korean number when two digits follow each other ("이사", a move)', () => {
    expect(sinoKoreanValue('이사')).toBeUndefined();
  });

  it.each<[string, number]>([
    ['하나', 1],
    ['두', 2],
    ['열두', 12],
    ['스물다섯', 25],
    ['아흔아홉', 99],
  ])('native "%s" is %d', (text, value) => {
    expect(nativeKoreanValue(text)).toBe(value);
  });
});
