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
    ['커피 두 잔 주세요', 'sys.number', '두', 2],
    ['사과 세 개', 'sys.number', '세', 3],
    ['하나만 주세요', 'sys.number', '하나', 1],
    ['스물다섯 명', 'sys.number', '스물다섯', 25],
    ['삼 층', 'sys.number', '삼', 3],
    ['이십 퍼센트 할인', 'sys.percentage', '이십 퍼센트', 20],
    ['오천 원', 'sys.money', '오천 원', { amount: 5000, currency: 'KRW' }],
    ['3만 5천원', 'sys.money', '3만 5천원', { amount: 35000, currency: 'KRW' }],
    ['삼만 오천 원', 'sys.money', '삼만 오천 원', { amount: 35000, currency: 'KRW' }],
    ['십 달러', 'sys.money', '십 달러', { amount: 10, currency: 'USD' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('leaves words that only contain a date word alone', () => {
    expect(find('시간이 없어요')).toEqual([]);
    expect(find('일하고 있어요')).toEqual([]);
    expect(find('점심 먹었어요')).toEqual([]);
  });

  it('leaves words that only begin with a number word alone', () => {
    // An angel, "if", a move, Korea, "yes", tofu, "look around".
    for (const text of [
      '천사',
      '만일 비가 오면',
      '이사 가요',
      '한국',
      '네 알겠습니다',
      '두부',
      '둘러보다',
    ])
      expect(find(text).filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['세 번째', 3, '세 번째'],
    ['두번째는', 2, '두번째'],
    ['첫 번째로', 1, '첫 번째'],
    ['스물한 번째', 21, '스물한 번째'],
    ['3번째', 3, '3번째'],
    ['둘째', 2, '둘째'],
    ['첫째', 1, '첫째'],
    ['첫 주', 1, '첫'],
    ['제3회', 3, '제3'],
    ['제삼자', 3, '제삼'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it('reads no number in a native ordinal', () => {
    expect(find('스물한 번째').filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each([
    // Twice, my name, the most, stir-fried pork.
    '두 번 했어요',
    '제 이름은',
    '제일 좋아요',
    '제육볶음',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money', 'sys.percentage', 'sys.ordinal'],
      'ko',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
