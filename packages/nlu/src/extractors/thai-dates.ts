import { alternation, clock, ordinalRule, ordinalSuffix } from './english-rewrite.js';
import {
  THAI_NUMBER_RULES,
  THAI_NUMERAL,
  thaiNumberValue,
  thaiWordBoundaries,
} from './thai-numbers.js';
import type { RewriteRule } from './rewrite-text.js';

// Thai writes no spaces between words, so these rules match inside running text: each pattern
// is a whole phrase that means a date or a time wherever it stands.

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
/** A digit as Thai writes it: Western or Thai. */
const D = '[0-9\\u0E50-\\u0E59]';
const ascii = (digits: string): string =>
  digits.replace(/[\u0E50-\u0E59]/gu, (c) => String(THAI_DIGITS.indexOf(c)));

/** Digits (Western or Thai) or a numeral in words, and its value. */
const N = `(${D}{1,3}|${THAI_NUMERAL})`;
const value = thaiNumberValue;

const WEEKDAYS: Record<string, string> = {
  จันทร์: 'monday',
  อังคาร: 'tuesday',
  พุธ: 'wednesday',
  พฤหัสบดี: 'thursday',
  พฤหัส: 'thursday',
  ศุกร์: 'friday',
  เสาร์: 'saturday',
  อาทิตย์: 'sunday',
};

const MONTHS: Record<string, string> = {
  มกราคม: 'january',
  'ม.ค.': 'january',
  กุมภาพันธ์: 'february',
  'ก.พ.': 'february',
  มีนาคม: 'march',
  'มี.ค.': 'march',
  เมษายน: 'april',
  'เม.ย.': 'april',
  พฤษภาคม: 'may',
  'พ.ค.': 'may',
  มิถุนายน: 'june',
  'มิ.ย.': 'june',
  กรกฎาคม: 'july',
  'ก.ค.': 'july',
  สิงหาคม: 'august',
  'ส.ค.': 'august',
  กันยายน: 'september',
  'ก.ย.': 'september',
  ตุลาคม: 'october',
  'ต.ค.': 'october',
  พฤศจิกายน: 'november',
  'พ.ย.': 'november',
  ธันวาคม: 'december',
  'ธ.ค.': 'december',
};

const HALF = '(ครึ่ง)?';

/** The recognizer's reading of a 24-hour clock time: "3:30pm", unambiguous. */
function at(hour24: number | undefined, minutes = 0): string | undefined {
  if (hour24 === undefined || hour24 > 24) return undefined;
  const h = hour24 % 24;
  return ` at ${clock(h % 12 || 12, minutes) ?? ''}${h < 12 ? 'am' : 'pm'} `;
}

/** A year of the Buddhist era (2569) in the Common one (2026). */
const commonEra = (year: number): number => (year > 2400 ? year - 543 : year);

/** What "ที่" and a number count when they are a place and not a position ("ที่ 2 คน", seats for two). */
const COUNTERS =
  'คน|ท่าน|ที่|ตัว|อัน|ชิ้น|ใบ|แก้ว|จาน|ถาด|คัน|หลัง|ห้อง|เล่ม|วัน|โมง|ทุ่ม|นาที|ชั่วโมง|บาท|ครั้ง|เดือน|ปี|ขวด|กล่อง|ชุด|คู่';
/** Whether a match starts and ends where the word segmentation ends a word. */
const wholeWords = (m: RegExpExecArray): boolean => {
  const at = thaiWordBoundaries(m.input);
  return at.has(m.index) && at.has(m.index + m[0].length);
};

/**
 * Thai ordinals in the English the ordinal recognizer reads ("คนที่สาม" → "คน 3rd ", "ครั้งแรก"
 * → "ครั้ง 1st "): "ที่" and a number, and "แรก" (first), each a whole word of the segmentation
 * ("สามี" is no three). Not read: "ที่" and a number before what it counts ("ที่ 2 คน", seats
 * for two) or after a verb of going or being, where "ที่" is "to" or "at" ("ไปที่สามย่าน", to
 * Samyan), "แรกๆ" and "แรกเริ่ม" (at first, the beginning).
 */
export const THAI_ORDINALS: readonly RewriteRule[] = [
  ordinalRule(
    `(?<!(?:ไป|มา|อยู่|ถึง|กลับ|แวะ)\\s*)ที่\\s*(${D}{1,3}|${THAI_NUMERAL})(?!\\s*(?:${COUNTERS}))`,
    (m) => (wholeWords(m) ? value(m[1]) : undefined),
    true,
  ),
  ordinalRule('แรก(?!\\s*ๆ|เริ่ม)', (m) => (wholeWords(m) ? 1 : undefined), true),
];

/**
 * Thai date and time words in the English the recognizer reads ("พรุ่งนี้บ่ายสามโมง" →
 * "tomorrow at 3:00pm"); Recognizers-Text has no Thai model. Thai tells the hours by the part
 * of the day: "บ่าย 3 โมง" is 3 pm, "2 ทุ่ม" 8 pm, "ตี 2" 2 am.
 */
export const THAI_TO_ENGLISH: readonly RewriteRule[] = [
  // Dates: "24 ธันวาคม", "วันที่ 24 ธ.ค. 2569", "วันที่ 5".
  {
    pattern: `(?:วันที่\\s*)?(${D}{1,2})\\s*(${alternation(Object.keys(MONTHS))})(?:\\s*(${D}{4}))?`,
    replace: (m) =>
      ` ${ascii(m[1] as string)} ${MONTHS[m[2] as string]}${m[3] ? ` ${commonEra(Number(ascii(m[3])))}` : ''} `,
  },
  // "วันที่ 5", "วันที่ห้า": the fifth of the month.
  {
    pattern: `วันที่\\s*${N}`,
    replace: (m) => {
      const day = value(m[1]);
      return day === undefined || day < 1 || day > 31 || !wholeWords(m)
        ? m[0]
        : ` on the ${ordinalSuffix(day)} `;
    },
  },
  // Clock times, by the part of the day.
  {
    pattern: `บ่าย\\s*${N}?\\s*(?:โมง)?${HALF}`,
    replace: (m) => at(12 + (value(m[1]) ?? 1), m[2] ? 30 : 0) ?? m[0],
  },
  {
    pattern: `${N}\\s*โมง\\s*เย็น${HALF}`,
    replace: (m) => at(12 + (value(m[1]) ?? 0), m[2] ? 30 : 0) ?? m[0],
  },
  { pattern: `${N}\\s*โมง\\s*เช้า${HALF}`, replace: (m) => at(value(m[1]), m[2] ? 30 : 0) ?? m[0] },
  {
    pattern: `${N}\\s*ทุ่ม${HALF}`,
    replace: (m) => at(18 + (value(m[1]) ?? 0), m[2] ? 30 : 0) ?? m[0],
  },
  { pattern: `ตี\\s*${N}${HALF}`, replace: (m) => at(value(m[1]), m[2] ? 30 : 0) ?? m[0] },
  { pattern: 'เที่ยงคืน', replace: () => ' at 12:00am ' },
  { pattern: 'เที่ยง(?:วัน)?', replace: () => ' at 12:00pm ' },
  {
    pattern: `(${D}{1,2})[.:](${D}{2})\\s*(?:น\\.|นาฬิกา)?`,
    replace: (m) =>
      ` at ${clock(Number(ascii(m[1] as string)), Number(ascii(m[2] as string))) ?? m[0]} `,
  },
  {
    pattern: `(${D}{1,2})\\s*นาฬิกา`,
    replace: (m) => ` at ${clock(Number(ascii(m[1] as string))) ?? m[0]} `,
  },
  // "7 โมง" alone: the morning hours, as Thai says them without "เช้า".
  { pattern: `${N}\\s*โมง${HALF}`, replace: (m) => at(value(m[1]), m[2] ? 30 : 0) ?? m[0] },
  // Days.
  { pattern: 'มะรืน(?:นี้)?', replace: () => ' the day after tomorrow ' },
  { pattern: 'พรุ่งนี้\\s*เช้า', replace: () => ' tomorrow morning ' },
  { pattern: 'พรุ่งนี้\\s*เย็น', replace: () => ' tomorrow evening ' },
  { pattern: 'พรุ่งนี้', replace: () => ' tomorrow ' },
  {
    pattern: 'เมื่อวาน(?:ซืน)?(?:นี้)?',
    replace: (m) => (m[0].includes('ซืน') ? ' the day before yesterday ' : ' yesterday '),
  },
  { pattern: 'คืนนี้', replace: () => ' tonight ' },
  { pattern: 'เช้านี้', replace: () => ' this morning ' },
  { pattern: 'เย็นนี้', replace: () => ' this evening ' },
  { pattern: 'วันนี้', replace: () => ' today ' },
  // A weekday needs "วัน" before it, or "นี้" / "หน้า" after it ("อาทิตย์" is also the week).
  {
    pattern: `วัน(${alternation(Object.keys(WEEKDAYS))})(หน้า|นี้|ที่แล้ว)?|(${alternation(Object.keys(WEEKDAYS).filter((d) => d !== 'อาทิตย์'))})(หน้า|นี้|ที่แล้ว)`,
    replace: (m) => {
      const day = WEEKDAYS[(m[1] ?? m[3]) as string];
      const which = m[2] ?? m[4];
      const when = which === 'หน้า' ? 'next ' : which === 'ที่แล้ว' ? 'last ' : '';
      return day ? ` ${when}${day} ` : m[0];
    },
  },
  // Weeks, months, years; spans from now.
  { pattern: '(?:สัปดาห์|อาทิตย์)หน้า', replace: () => ' next week ' },
  { pattern: '(?:สัปดาห์|อาทิตย์)ที่แล้ว', replace: () => ' last week ' },
  { pattern: '(?:สัปดาห์|อาทิตย์)นี้', replace: () => ' this week ' },
  { pattern: 'สุดสัปดาห์(?:นี้)?', replace: () => ' this weekend ' },
  { pattern: 'เดือนหน้า', replace: () => ' next month ' },
  { pattern: 'เดือนที่แล้ว', replace: () => ' last month ' },
  { pattern: 'ปีหน้า', replace: () => ' next year ' },
  { pattern: `อีก\\s*${N}\\s*วัน`, replace: (m) => ` in ${value(m[1]) ?? m[1]} days ` },
  { pattern: `${N}\\s*วัน(?:ก่อน|ที่แล้ว)`, replace: (m) => ` ${value(m[1]) ?? m[1]} days ago ` },
  { pattern: `${N}\\s*นาที`, replace: (m) => ` ${value(m[1]) ?? m[1]} minutes ` },
  { pattern: `${N}\\s*ชั่วโมง`, replace: (m) => ` ${value(m[1]) ?? m[1]} hours ` },
  ...THAI_NUMBER_RULES,
  { pattern: `[${THAI_DIGITS}]`, replace: (m) => String(THAI_DIGITS.indexOf(m[0])) },
];
