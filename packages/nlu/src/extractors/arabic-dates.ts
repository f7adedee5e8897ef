import { alternation, clock, numeral } from './english-rewrite.js';
import { ARABIC_NUMBER_RULES, ARABIC_NUMERAL, arabicNumeralValue } from './arabic-numbers.js';
import type { RewriteRule } from './rewrite-text.js';

// Arabic letters attach "for" (ل), "and" (و), "with" (ب) and the article (ال) to the word, and
// may carry short vowels and tanween ("غدًا", "غداً", "غدا"): both are matched, never required.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const PREFIX = '(?:[وف])?(?:لل|ل|ب)?';
const THE = '(?:ال|لل)';
/** An optional tanween or short vowel after a letter. */
const V = '[\\u064B-\\u0652]?';
/** Word-final alif with or without tanween: "غدا", "غداً", "غدًا". */
const AN = `(?:${V}ا${V})`;

const DIGITS = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** A digit as Arabic writes it: Western, Arabic-Indic or Persian. */
const D = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
const ascii = (digits: string): string =>
  digits.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (c) =>
    String(DIGITS.includes(c) ? DIGITS.indexOf(c) : PERSIAN_DIGITS.indexOf(c)),
  );

const WEEKDAYS: Record<string, string> = {
  أحد: 'sunday',
  احد: 'sunday',
  اثنين: 'monday',
  إثنين: 'monday',
  اتنين: 'monday',
  ثلاثاء: 'tuesday',
  ثلاثا: 'tuesday',
  أربعاء: 'wednesday',
  اربعاء: 'wednesday',
  خميس: 'thursday',
  جمعة: 'friday',
  جمعه: 'friday',
  سبت: 'saturday',
};

/** Both month-name traditions: Egypt and the Maghreb, and the Levant and Iraq. */
const MONTHS: Record<string, string> = {
  يناير: 'january',
  'كانون الثاني': 'january',
  فبراير: 'february',
  شباط: 'february',
  مارس: 'march',
  آذار: 'march',
  أبريل: 'april',
  ابريل: 'april',
  إبريل: 'april',
  نيسان: 'april',
  مايو: 'may',
  أيار: 'may',
  يونيو: 'june',
  يونيه: 'june',
  حزيران: 'june',
  يوليو: 'july',
  يوليه: 'july',
  تموز: 'july',
  أغسطس: 'august',
  اغسطس: 'august',
  آب: 'august',
  سبتمبر: 'september',
  أيلول: 'september',
  أكتوبر: 'october',
  اكتوبر: 'october',
  'تشرين الأول': 'october',
  نوفمبر: 'november',
  'تشرين الثاني': 'november',
  ديسمبر: 'december',
  'كانون الأول': 'december',
};

/** Cardinals and the ordinals a clock hour is said with ("الساعة السابعة", seven o'clock). */
const HOURS = numeral({
  add: {
    واحد: 1,
    واحدة: 1,
    الواحدة: 1,
    اثنان: 2,
    اثنين: 2,
    الثانية: 2,
    ثلاث: 3,
    ثلاثة: 3,
    الثالثة: 3,
    أربع: 4,
    أربعة: 4,
    الرابعة: 4,
    خمس: 5,
    خمسة: 5,
    الخامسة: 5,
    ست: 6,
    ستة: 6,
    السادسة: 6,
    سبع: 7,
    سبعة: 7,
    السابعة: 7,
    ثماني: 8,
    ثمانية: 8,
    الثامنة: 8,
    تسع: 9,
    تسعة: 9,
    التاسعة: 9,
    عشر: 10,
    عشرة: 10,
    العاشرة: 10,
    'الحادية عشرة': 11,
    'الثانية عشرة': 12,
  },
  times: {},
  between: '(?!)',
});

const MORNING = `(?:صباح${AN}?|${THE}صباح|صباحية)`;
const EVENING = `(?:مساء${V}${AN}?|${THE}مساء|ليل${AN}|عصر${AN}|ظهر${AN}|${THE}ظهر)`;

const NEXT = `(?:${THE}?(?:قادم|مقبل)(?:ة|ه)?)`;
const LAST = `(?:${THE}?(?:ماضي|ماضية|فائت|فائتة|سابق|سابقة))`;
const WEEK = `(?:${THE}?أسبوع|${THE}?اسبوع)`;

// Compiled once: the rules' replacements run on every message an Arabic bot parses.
const IS_MORNING = new RegExp(`^${MORNING}$`, 'u');
const IS_NEXT = new RegExp(`^${NEXT}$`, 'u');
const ALL_DIGITS = new RegExp(`^${D}+$`, 'u');

/** Digits or a numeral in words, and its value. */
const COUNT = `(${D}+|${ARABIC_NUMERAL})`;
const count = (text: string | undefined): string | undefined => {
  if (text === undefined) return undefined;
  const n = ALL_DIGITS.test(text) ? Number(ascii(text)) : arabicNumeralValue(text);
  return n === undefined ? undefined : String(n);
};

const HOUR = `(${D}{1,2}|${HOURS.pattern})`;
/** "والنصف" half past, "والربع" quarter past, "إلا ربع" quarter to. */
const PAST = `(\\s+(?:و${THE}?نصف|و${THE}?ربع|[إا]لا\\s+ربع))`;

/**
 * "8:30pm" for a part of the day (which the recognizer reads as it is), "8:30" without one
 * (which it reads as the next such time).
 */
function englishClock(hour: number, minutes: number, part: string | undefined): string | undefined {
  if (part === undefined) return clock(hour, minutes);
  const morning = IS_MORNING.test(part);
  const h24 = morning ? hour % 12 : hour < 12 ? hour + 12 : hour;
  const written = clock(h24 % 12 || 12, minutes);
  return written === undefined || h24 > 24 ? undefined : `${written}${h24 < 12 ? 'am' : 'pm'}`;
}

/** The English clock of an Arabic hour, its minutes past and its part of the day. */
function hourAt(
  spoken: string | undefined,
  past: string | undefined,
  part: string | undefined,
): string | undefined {
  if (spoken === undefined) return undefined;
  const base = ALL_DIGITS.test(spoken) ? Number(ascii(spoken)) : HOURS.value(spoken);
  if (base === undefined) return undefined;
  const [hour, minutes] =
    past === undefined
      ? [base, 0]
      : /نصف/u.test(past)
        ? [base, 30]
        : /[إا]لا/u.test(past)
          ? [base - 1, 45]
          : [base, 15];
  const written = englishClock(hour, minutes, part);
  return written === undefined ? undefined : ` at ${written} `;
}

/**
 * Arabic date and time words in the English the recognizer reads ("غدًا الساعة 8 مساءً" →
 * "tomorrow at 8 pm"); Recognizers-Text has no Arabic date-time model in JavaScript. The
 * Arabic-Indic digits are read as digits, numbers and money in words as digits and English.
 */
export const ARABIC_TO_ENGLISH: readonly RewriteRule[] = [
  // xSID and hand-typed times space the colon: "6 : 50 مساءً".
  {
    pattern: `(${D}{1,2})\\s*:\\s*(${D}{2})(?:\\s*(${MORNING}|${EVENING}))?`,
    replace: (m) =>
      englishClock(Number(ascii(m[1] as string)), Number(ascii(m[2] as string)), m[3]) ?? m[0],
  },
  // Dates first, so a day of the month is never read as an hour: "21 أغسطس", "يوم 28 من".
  {
    pattern: `${START}${PREFIX}(?:يوم\\s+)?(${D}{1,2})\\s+(?:من\\s+)?(${alternation(Object.keys(MONTHS))})(?:\\s+(${D}{4}))?${END}`,
    replace: (m) =>
      ` ${ascii(m[1] as string)} ${MONTHS[m[2] as string]}${m[3] ? ` ${ascii(m[3])}` : ''} `,
  },
  // A clock hour: "الساعة 8", "الساعة السابعة", "الساعة 4 مساءً", "8 صباحًا", with "والنصف".
  {
    pattern: `${START}${PREFIX}${THE}?ساعة\\s+${HOUR}${PAST}?(?:\\s+(${MORNING}|${EVENING}))?${END}`,
    replace: (m) => hourAt(m[1], m[2], m[3]) ?? m[0],
  },
  {
    pattern: `${START}${HOUR}${PAST}?\\s+(${MORNING}|${EVENING})${END}`,
    replace: (m) => hourAt(m[1], m[2], m[3]) ?? m[0],
  },
  // Days.
  { pattern: `${START}${PREFIX}(?:${THE})?آن${END}|${START}الان${END}`, replace: () => ' now ' },
  {
    pattern: `${START}${PREFIX}(?:صباح\\s+(?:${THE}|يوم\\s+)غد${AN}?|${THE}?غد${AN}?\\s+صباح${AN}?)${END}`,
    replace: () => ' tomorrow morning ',
  },
  {
    pattern: `${START}${PREFIX}(?:مساء${V}\\s+(?:${THE}|يوم\\s+)غد${AN}?)${END}`,
    replace: () => ' tomorrow evening ',
  },
  {
    pattern: `${START}${PREFIX}(?:بعد\\s+(?:${THE})?غد${AN}?|بعد\\s+بكر[ةه])${END}`,
    replace: () => ' the day after tomorrow ',
  },
  {
    pattern: `${START}${PREFIX}(?:يوم\\s+)?(?:${THE}غد|غد${AN}|غد|بكر[ةه])${END}`,
    replace: () => ' tomorrow ',
  },
  {
    pattern: `${START}${PREFIX}(?:أول\\s+|اول\\s+)(?:أمس|امس|البارحة)${END}`,
    replace: () => ' the day before yesterday ',
  },
  { pattern: `${START}${PREFIX}(?:أمس|امس|${THE}بارحة)${END}`, replace: () => ' yesterday ' },
  {
    pattern: `${START}${PREFIX}(?:(?:هذه\\s+)?${THE}ليلة|الليله)${END}`,
    replace: () => ' tonight ',
  },
  {
    pattern: `${START}${PREFIX}(?:صباح\\s+)?${THE}يوم${END}`,
    replace: (m) => (/صباح/u.test(m[0]) ? ' this morning ' : ' today '),
  },
  {
    pattern: `${START}${PREFIX}(?:(صباح|مساء${V})\\s+)?(?:يوم\\s+)?${THE}(${alternation(Object.keys(WEEKDAYS))})(?:\\s+(${NEXT}|${LAST}))?${END}`,
    replace: (m) => {
      const day = WEEKDAYS[m[2] as string];
      if (!day) return m[0];
      const which = m[3] === undefined ? '' : IS_NEXT.test(m[3]) ? 'next ' : 'last ';
      const part = m[1] === undefined ? '' : /صباح/u.test(m[1]) ? ' morning' : ' evening';
      return ` ${which}${day}${part} `;
    },
  },
  // Weeks, months, years.
  {
    pattern: `${START}${PREFIX}(?:(?:عطلة\\s+)?نهاية\\s+(?:هذا\\s+)?${WEEK}|(?:عطلة\\s+)?${THE}?ويكند)${END}`,
    replace: () => ' this weekend ',
  },
  { pattern: `${START}${PREFIX}${WEEK}\\s+${NEXT}${END}`, replace: () => ' next week ' },
  { pattern: `${START}${PREFIX}${WEEK}\\s+${LAST}${END}`, replace: () => ' last week ' },
  { pattern: `${START}${PREFIX}هذا\\s+${WEEK}${END}`, replace: () => ' this week ' },
  { pattern: `${START}${PREFIX}${THE}?شهر\\s+${NEXT}${END}`, replace: () => ' next month ' },
  { pattern: `${START}${PREFIX}${THE}?شهر\\s+${LAST}${END}`, replace: () => ' last month ' },
  { pattern: `${START}${PREFIX}هذا\\s+${THE}?شهر${END}`, replace: () => ' this month ' },
  {
    pattern: `${START}${PREFIX}(?:${THE}?(?:سنة|عام)\\s+${NEXT})${END}`,
    replace: () => ' next year ',
  },
  // Lengths and spans of time: "بعد 3 أيام", "خلال ساعة", "30 دقيقة", "ساعتين".
  {
    pattern: `${START}(?:بعد|خلال)\\s+${COUNT}\\s+(?:أيام|ايام|يوم${AN}?)${END}`,
    replace: (m) => {
      const n = count(m[1]);
      return n === undefined ? m[0] : ` in ${n} days `;
    },
  },
  {
    pattern: `${START}${COUNT}\\s+(?:دقيقة|دقائق|دقيقه)${END}`,
    replace: (m) => {
      const n = count(m[1]);
      return n === undefined ? m[0] : ` ${n} minutes `;
    },
  },
  {
    pattern: `${START}${COUNT}\\s+(?:ساعة|ساعات|ساعه)${END}`,
    replace: (m) => {
      const n = count(m[1]);
      return n === undefined ? m[0] : ` ${n} hours `;
    },
  },
  { pattern: `${START}ساعتين${END}|${START}ساعتان${END}`, replace: () => ' 2 hours ' },
  { pattern: `${START}ساعة\\s+واحدة${END}`, replace: () => ' 1 hour ' },
  // Numbers, per cent and money in words.
  ...ARABIC_NUMBER_RULES,
  // Any other digit, as a Western one.
  { pattern: `[${DIGITS}]`, replace: (m) => String(DIGITS.indexOf(m[0])) },
  { pattern: `[${PERSIAN_DIGITS}]`, replace: (m) => String(PERSIAN_DIGITS.indexOf(m[0])) },
];
