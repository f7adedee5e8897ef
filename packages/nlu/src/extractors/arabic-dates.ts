import {
  alternation,
  clock,
  keepRule,
  numeral,
  ordinalRule,
  ordinalSuffix,
} from './english-rewrite.js';
import {
  ARABIC_NUMBER_RULES,
  ARABIC_NUMERAL,
  ARABIC_TENS,
  arabicNumeralValue,
} from './arabic-numbers.js';
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

/** Ordinals 1–10, masculine and feminine, with and without hamza, with ة or ه. */
const MASCULINE: Record<string, number> = {
  أول: 1,
  اول: 1,
  ثاني: 2,
  ثالث: 3,
  رابع: 4,
  خامس: 5,
  سادس: 6,
  سابع: 7,
  ثامن: 8,
  تاسع: 9,
  عاشر: 10,
};
const FEMININE: Record<string, number> = { أولى: 1, اولى: 1 };
for (const [word, n] of Object.entries(MASCULINE))
  if (n > 1) for (const end of ['ة', 'ه']) FEMININE[`${word}${end}`] = n;
/** "ثانية" (a second, the unit) and "أولى" (more fitting) are ordinals only with the article. */
const WITH_ARTICLE_ONLY = new Set(['ثانية', 'ثانيه', 'أولى', 'اولى']);
/** The units of 11–19 and 21–99: "الحادي عشر", "الثالثة عشرة", "الحادي والعشرون". */
const COMPOUND_UNITS: Record<string, number> = { حادي: 1, حادية: 1, حاديه: 1, واحد: 1, واحدة: 1 };
for (const [word, n] of [...Object.entries(MASCULINE), ...Object.entries(FEMININE)])
  if (n > 1 && n < 10) COMPOUND_UNITS[word] = n;
/** No letter, digit or short vowel after: "أولًا" (firstly) and "ثانيًا" are no ordinals. */
const WORD_DONE = '(?![\\p{L}\\p{M}\\p{N}])';
const CU = `(${alternation(Object.keys(COMPOUND_UNITS))})`;
/**
 * An ordinal, after "و"/"ف" and "ب"/"ل"/"ك" and the article (group 1) if any: a unit, "و" and a
 * ten (2, 3), a unit and ten (4), a unit (5); or a ten, which has the article (6): "عشرون"
 * without it is twenty.
 */
const ORDINAL = `(?:[وف])?(?:(لل|بال|كال|ال)|[بكل])?(?:${CU}\\s+و\\s*(?:ال)?(${alternation(Object.keys(ARABIC_TENS))})|${CU}\\s+(?:عشرة|عشره|عشر)|(${alternation([...Object.keys(MASCULINE), ...Object.keys(FEMININE)])}))|(?:[وف])?(?:لل|بال|كال|ال)(${alternation(Object.keys(ARABIC_TENS))})`;
function ordinalValue(m: RegExpExecArray): number | undefined {
  if (m[2] && m[3]) return (COMPOUND_UNITS[m[2]] ?? 0) + (ARABIC_TENS[m[3]] ?? 0);
  if (m[4]) return 10 + (COMPOUND_UNITS[m[4]] ?? 0);
  if (m[6]) return ARABIC_TENS[m[6]];
  const unit = m[5] as string;
  if (WITH_ARTICLE_ONLY.has(unit) && m[1] === undefined) return undefined;
  return MASCULINE[unit] ?? FEMININE[unit];
}

const CLOCK_HOUR = `${START}${PREFIX}${THE}?ساعة\\s+${HOUR}${PAST}?(?:\\s+(${MORNING}|${EVENING}))?${END}`;
const HOUR_OF_DAY = `${START}${HOUR}${PAST}?\\s+(${MORNING}|${EVENING})${END}`;
const DAY_BEFORE_YESTERDAY = `${START}${PREFIX}(?:أول\\s+|اول\\s+)(?:أمس|امس|البارحة)${END}`;

/**
 * Arabic ordinals, masculine and feminine, with the article and without, in the English the
 * ordinal recognizer reads ("الثالث" → "3rd", "للمرة الثانية" → "للمرة 2nd", "الحادي والعشرون"
 * → "21st"). Not read: the hours ("الساعة الثانية", "الثانية ظهرًا", two o'clock, as the date
 * rules read them), "أول أمس" (the day before yesterday), "ثانية" without the article (a
 * second), "أولًا", "ثانيًا" (firstly, secondly).
 */
export const ARABIC_ORDINALS: readonly RewriteRule[] = [
  keepRule(CLOCK_HOUR),
  keepRule(HOUR_OF_DAY),
  keepRule(DAY_BEFORE_YESTERDAY),
  ordinalRule(`${START}(?:${ORDINAL})${WORD_DONE}`, ordinalValue, true),
];

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
  { pattern: CLOCK_HOUR, replace: (m) => hourAt(m[1], m[2], m[3]) ?? m[0] },
  { pattern: HOUR_OF_DAY, replace: (m) => hourAt(m[1], m[2], m[3]) ?? m[0] },
  // "الثالث من مايو", "الخامس عشر من مارس": a day of the month said as an ordinal.
  {
    pattern: `${START}(?:يوم\\s+)?(?:${ORDINAL})\\s+(?:من\\s+)?(${alternation(Object.keys(MONTHS))})${END}`,
    replace: (m) => {
      const n = ordinalValue(m);
      const month = MONTHS[m[7] as string];
      return n === undefined || !month || n > 31 ? m[0] : ` ${ordinalSuffix(n)} ${month} `;
    },
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
    pattern: DAY_BEFORE_YESTERDAY,
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
  // An ordinal: no number in its tens ("الحادي وعشرون", "الثالثة عشرة").
  keepRule(`${START}(?:${ORDINAL})${WORD_DONE}`),
  // Numbers, per cent and money in words.
  ...ARABIC_NUMBER_RULES,
  // Any other digit, as a Western one.
  { pattern: `[${DIGITS}]`, replace: (m) => String(DIGITS.indexOf(m[0])) },
  { pattern: `[${PERSIAN_DIGITS}]`, replace: (m) => String(PERSIAN_DIGITS.indexOf(m[0])) },
];
