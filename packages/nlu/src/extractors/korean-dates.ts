import { KOREAN_NUMBER_RULES } from './korean-numbers.js';
import type { RewriteRule } from './rewrite-text.js';

const WEEKDAYS: Record<string, string> = {
  월: '一',
  화: '二',
  수: '三',
  목: '四',
  금: '五',
  토: '六',
  일: '日',
};

const WEEKS: Record<string, string> = { 다음: '下周', 이번: '本周', 지난: '上周' };

/** Native Korean numbers, as clock hours are said ("여덟 시" is 8 o'clock). */
const NATIVE_HOURS: Record<string, number> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
  열한: 11,
  열두: 12,
};

/**
 * Korean date and time words in the Chinese the recognizer reads ("내일 오후 3시에" →
 * "明天下午3点"). Recognizers-Text has no Korean date-time model in JavaScript; Chinese writes
 * dates in Korean's order (day, part of the day, hour), but without spaces or particles
 * between them, so those go where they join two date or time words.
 */
const WORDS: Record<string, string> = {
  오늘: '今天',
  내일: '明天',
  모레: '后天',
  내일모레: '后天',
  어제: '昨天',
  그저께: '前天',
  그제: '前天',
  오늘밤: '今晚',
  오전: '上午',
  오후: '下午',
  아침: '早上',
  저녁: '晚上',
  밤: '晚上',
  새벽: '凌晨',
  정오: '中午',
  다음주: '下周',
  이번주: '本周',
  지난주: '上周',
  다음달: '下个月',
  이번달: '本月',
  지난달: '上个月',
  내년: '明年',
  올해: '今年',
  작년: '去年',
  주말: '周末',
};

// Particles that follow a date or a time ("내일은", "3시에", "금요일까지").
const PARTICLE = '(?:에는|에서|부터|까지|쯤에|쯤|에|은|는|도)';
const ALTERNATIVES = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join('|');
// What a particle or a space may follow: the end of a date or time word.
const DATE_END = `(?<=(?:${ALTERNATIVES([...Object.keys(WORDS), '요일', '시', '분', '반', '월', '일', '주', '후', '뒤', '전'])}))`;
const HOUR = `(\\d{1,2}|${ALTERNATIVES(Object.keys(NATIVE_HOURS))})`;
const UNITS: Record<string, string> = {
  일: '天',
  주: '周',
  시간: '小时',
  분: '分钟',
  개월: '个月',
};

/** Rules, tried in this order at each position; see `rewriteText`. */
export const KOREAN_TO_CHINESE: readonly RewriteRule[] = [
  // "다음 주 금요일" is one day, "下周五"; the recognizer reads "下周星期五" as a week and a day.
  {
    pattern: '(다음|이번|지난)\\s*주\\s*([월화수목금토일])요일',
    replace: (m) => `${WEEKS[m[1] as string]}${WEEKDAYS[m[2] as string]}`,
  },
  { pattern: '(다음|이번|지난)\\s+(주|달)', replace: (m) => WORDS[`${m[1]}${m[2]}`] ?? m[0] },
  { pattern: '([월화수목금토일])요일', replace: (m) => `星期${WEEKDAYS[m[1] as string]}` },
  // Spans of time from now or back ("3일 후", "2주 뒤", "30분 전"), and lengths ("3일 동안").
  {
    pattern: '(\\d+)\\s*(일|주|시간|분|개월)\\s*(후|뒤|전)',
    replace: (m) => `${m[1]}${UNITS[m[2] as string]}${m[3] === '전' ? '前' : '后'}`,
  },
  {
    pattern: '(\\d+)\\s*(일|주|시간|개월)\\s*동안',
    replace: (m) => `${m[1]}${UNITS[m[2] as string]}`,
  },
  // Clock hours, in digits or native numbers ("여덟 시"), the half hour, minutes.
  {
    pattern: `(?<![\\p{L}])${HOUR}\\s*시(?!간)(\\s*반)?`,
    replace: (m) => `${NATIVE_HOURS[m[1] as string] ?? m[1]}点${m[2] ? '半' : ''}`,
  },
  { pattern: '(\\d{1,2})\\s*분', replace: (m) => `${m[1]}分` },
  { pattern: '(\\d{4})\\s*년\\s*(?=\\d{1,2}\\s*월)', replace: (m) => `${m[1]}年` },
  { pattern: '(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일', replace: (m) => `${m[1]}月${m[2]}日` },
  { pattern: '(\\d{1,2})\\s*일', replace: (m) => `${m[1]}日` },
  // The words, at the start of a word and before a particle or the end of one.
  {
    pattern: `(?<![\\p{L}])(?:${ALTERNATIVES(Object.keys(WORDS))})(?=${PARTICLE}?(?![\\p{L}]))`,
    replace: (m) => WORDS[m[0]] ?? m[0],
  },
  // No space or particle between two date or time words, as in Chinese.
  { pattern: `${DATE_END}${PARTICLE}?\\s+(?=[\\p{L}\\p{N}])`, replace: () => '' },
  { pattern: `${DATE_END}${PARTICLE}(?![\\p{L}])`, replace: () => '' },
  // Numbers, money and per cent in words.
  ...KOREAN_NUMBER_RULES,
];
