import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 19:00 in Seoul.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('ko', 'Asia/Seoul', NOW);

describe('Korean system entities (a Chinese rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['오늘', 'sys.date', '오늘', '2026-12-01'],
    ['내일 예약하고 싶어요', 'sys.date', '내일', '2026-12-02'],
    ['내일은 어때요', 'sys.date', '내일', '2026-12-02'],
    ['모레', 'sys.date', '모레', '2026-12-03'],
    ['어제', 'sys.date', '어제', '2026-11-30'],
    ['금요일에 만나요', 'sys.date', '금요일', '2026-12-04'],
    ['다음 주 금요일', 'sys.date', '다음 주 금요일', '2026-12-11'],
    ['12월 24일', 'sys.date', '12월 24일', '2026-12-24'],
    ['2027년 3월 5일', 'sys.date', '2027년 3월 5일', '2027-03-05'],
    ['3일 후', 'sys.date', '3일 후', '2026-12-04'],
    ['오후 3시', 'sys.time', '오후 3시', '15:00:00'],
    ['8시 반', 'sys.time', '8시 반', '20:30:00'],
    ['여덟 시에 봐요', 'sys.time', '여덟 시', '20:00:00'],
    ['내일 오후 3시에 예약', 'sys.datetime', '내일 오후 3시', '2026-12-02T15:00:00+09:00'],
    ['모레 저녁 7시', 'sys.datetime', '모레 저녁 7시', '2026-12-03T19:00:00+09:00'],
    ['내일 아침 8시 30분', 'sys.datetime', '내일 아침 8시 30분', '2026-12-02T08:30:00+09:00'],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('leaves words that only contain a date word alone', () => {
    expect(find('시간이 없어요')).toEqual([]);
    expect(find('일하고 있어요')).toEqual([]);
    expect(find('점심 먹었어요')).toEqual([]);
  });

  it('warns that numbers and money in words are not read, but no longer dates', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money'],
      'ko',
      (n) => RECOGNIZER_OF[n],
    ).join(' ');
    expect(warnings).toContain('numbers in words');
    expect(warnings).not.toContain('dates and times');
  });
});
