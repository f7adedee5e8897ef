import type { RewriteRule } from './rewrite-text.js';

/** Sino-Korean digits; 십, 백, 천 count within a group of four places, 만 and 억 count groups. */
const SINO_DIGITS: Record<string, number> = {
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  륙: 6,
  칠: 7,
  팔: 8,
  구: 9,
};
const SINO_PLACES: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const SINO_GROUPS: Record<string, number> = { 만: 10_000, 억: 100_000_000 };

/** Native Korean numbers, the form before a counter first ("두 잔", two cups). */
const NATIVE_TENS: Record<string, number> = {
  열: 10,
  스물: 20,
  스무: 20,
  서른: 30,
  마흔: 40,
  쉰: 50,
  예순: 60,
  일흔: 70,
  여든: 80,
  아흔: 90,
};
const NATIVE_UNITS: Record<string, number> = {
  하나: 1,
  한: 1,
  둘: 2,
  두: 2,
  셋: 3,
  세: 3,
  넷: 4,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
};

/**
 * What a native number counts ("두 잔", two cups): before one, "한", "두", "세", "네", "열" are
 * numbers, alone they are "one" or "Han", "two", "three" or "age", "yes" or "your", "heat".
 */
const NATIVE_COUNTERS = [
  '개',
  '명',
  '잔',
  '병',
  '장',
  '마리',
  '권',
  '대',
  '살',
  '벌',
  '켤레',
  '그릇',
  '송이',
  '시간',
  '사람',
  '가지',
  '곳',
  '군데',
];
/**
 * What a Sino-Korean number is said before. A Sino-Korean numeral counts only before one of
 * these: "천사" is an angel, "만일" "if", "이사" a move, "오늘" today.
 */
const SINO_COUNTERS = ['층', '인분', '개월', '년', '번지', '호'];
/** Currencies and per cent after a number, as the Chinese recognizer reads them. */
const UNITS: Record<string, string> = {
  원: '韩元',
  달러: '美元',
  유로: '欧元',
  엔: '日元',
  퍼센트: '%',
  프로: '%',
  '%': '%',
};
/** Particles a full native number may carry ("하나만", just one; "둘이서", the two of us). */
const PARTICLES = [
  '이서',
  '이요',
  '만',
  '도',
  '요',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '씩',
  '쯤',
  '와',
  '과',
];

const alternatives = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');

const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const SINO_PART = `\\d+|[${[...Object.keys(SINO_DIGITS), ...Object.keys(SINO_PLACES), ...Object.keys(SINO_GROUPS)].join('')}]`;
/** "오천", "삼만 오천", "3만 5천": one word, or groups of ten thousand apart. */
const SINO = `(?:${SINO_PART})+(?:\\s(?:${SINO_PART})+)*`;
const NATIVE_TEN = alternatives(Object.keys(NATIVE_TENS));
const NATIVE_UNIT = alternatives(Object.keys(NATIVE_UNITS));
const NATIVE = `(?:${NATIVE_TEN})(?:${NATIVE_UNIT})?|${NATIVE_UNIT}`;

/**
 * The value of a Sino-Korean numeral, digits allowed in it ("삼만 오천" is 35,000 and so is "3만
 * 5천"), or undefined when it is not one: two digits in a row ("이사", a move) are a word.
 */
export function sinoKoreanValue(text: string): number | undefined {
  let total = 0;
  let group = 0;
  let digit: number | undefined;
  for (const m of text.replace(/\s+/gu, '').matchAll(/\d+|./gu)) {
    const part = m[0];
    const d = /^\d+$/u.test(part) ? Number(part) : SINO_DIGITS[part];
    const place = SINO_PLACES[part];
    const groupOf = SINO_GROUPS[part];
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
    } else if (place !== undefined) {
      group += (digit ?? 1) * place;
      digit = undefined;
    } else if (groupOf !== undefined) {
      total += (group + (digit ?? 0) || 1) * groupOf;
      group = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + group + (digit ?? 0);
}

/** The value of a native Korean numeral ("스물다섯" is 25). */
export function nativeKoreanValue(text: string): number | undefined {
  for (const [tens, t] of Object.entries(NATIVE_TENS)) {
    if (!text.startsWith(tens)) continue;
    const rest = text.slice(tens.length);
    if (rest === '') return t;
    const u = NATIVE_UNITS[rest];
    return u === undefined ? undefined : t + u;
  }
  return NATIVE_UNITS[text];
}

/** Full native forms that are numbers alone ("하나 주세요", one please). */
const NATIVE_ALONE = new Set(['하나', '둘', '셋', '넷', '다섯', '여섯', '일곱', '여덟', '아홉']);

/**
 * Korean numbers in words, Sino-Korean and native, as digits, and the currencies and per cent
 * after them in the Chinese the recognizer reads ("오천 원" → "5000韩元", "커피 두 잔" →
 * "커피 2 잔"). Digits alone are left to the recognizer.
 */
export const KOREAN_NUMBER_RULES: readonly RewriteRule[] = [
  // "스물한 번째" is an ordinal, no number of its own.
  { pattern: `${START}(?:${NATIVE})\\s*번째`, replace: (m) => m[0] },
  {
    pattern: `${START}(${SINO})\\s*(${alternatives(Object.keys(UNITS))})(?![\\p{L}])`,
    replace: (m) => {
      const n = sinoKoreanValue(m[1] as string);
      return n === undefined ? m[0] : ` ${n}${UNITS[m[2] as string]} `;
    },
  },
  {
    pattern: `${START}(${SINO})(?=\\s*(?:${alternatives(SINO_COUNTERS)}))`,
    replace: (m) => {
      const n = /^\d+$/u.test(m[1] as string) ? undefined : sinoKoreanValue(m[1] as string);
      return n === undefined ? m[0] : ` ${n} `;
    },
  },
  {
    pattern: `${START}(${NATIVE})(?=\\s*(?:${alternatives(NATIVE_COUNTERS)}))`,
    replace: (m) => {
      const n = nativeKoreanValue(m[1] as string);
      return n === undefined ? m[0] : ` ${n} `;
    },
  },
  {
    pattern: `${START}(${alternatives(NATIVE_ALONE)}|(?:${NATIVE_TEN})(?:${NATIVE_UNIT})?)(?=(?:${alternatives(PARTICLES)})?${END})`,
    replace: (m) => {
      const word = m[1] as string;
      // Alone, "열" is heat or a row and "쉰" hoarse; "스무" is only said before what it counts.
      const n = ['열', '쉰', '스무'].includes(word) ? undefined : nativeKoreanValue(word);
      return n === undefined ? m[0] : ` ${n} `;
    },
  },
];

/** What a Sino-Korean ordinal after "제" numbers: a round, a chapter, a lesson, an article … */
const SINO_ORDINAL_COUNTERS = [
  '회',
  '장',
  '과',
  '조',
  '편',
  '권',
  '호',
  '부',
  '항',
  '차',
  '기',
  '대',
  '자',
];
const ordinalIn = (n: number | undefined): string | undefined =>
  n === undefined || n < 1 ? undefined : `第${n}`;
const ordinal = (value: (m: RegExpExecArray) => number | undefined): RewriteRule['replace'] => {
  return (m) => ordinalIn(value(m)) ?? m[0];
};

/**
 * Korean ordinals in the Chinese the ordinal recognizer reads ("세 번째" → "第3", "둘째" →
 * "第2", "제3회" → "第3회"): native numbers and "번째", "첫째" … "열째", "첫" before a noun
 * ("첫 주", "첫날"), digits and "번째", "제" and digits, or a Sino-Korean numeral before what it
 * numbers ("제삼자", a third party). "두 번" is twice, "제 이름" my name, "제일" the most.
 */
export const KOREAN_ORDINALS: readonly RewriteRule[] = [
  {
    pattern: `${START}(첫|${NATIVE}|\\d{1,3})\\s*번째`,
    replace: ordinal((m) =>
      m[1] === '첫'
        ? 1
        : /^\d+$/u.test(m[1] as string)
          ? Number(m[1])
          : nativeKoreanValue(m[1] as string),
    ),
  },
  {
    pattern: `${START}(첫|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|열|열두)째`,
    replace: ordinal((m) => (m[1] === '첫' ? 1 : nativeKoreanValue(m[1] as string))),
  },
  { pattern: `${START}첫(?=날|\\s+\\p{L})`, replace: () => '第1' },
  { pattern: `${START}제\\s?(\\d{1,3})(?!\\d)`, replace: ordinal((m) => Number(m[1])) },
  {
    pattern: `${START}제\\s?(${SINO})(?=\\s*(?:${alternatives(SINO_ORDINAL_COUNTERS)}))`,
    replace: ordinal((m) => sinoKoreanValue(m[1] as string)),
  },
];
