import { numeral } from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';

const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

/** The tens, in both the nominative ("عشرون") and the oblique case ("عشرين"). */
export const ARABIC_TENS: Readonly<Record<string, number>> = {
  عشرون: 20,
  عشرين: 20,
  ثلاثون: 30,
  ثلاثين: 30,
  أربعون: 40,
  أربعين: 40,
  اربعون: 40,
  اربعين: 40,
  خمسون: 50,
  خمسين: 50,
  ستون: 60,
  ستين: 60,
  سبعون: 70,
  سبعين: 70,
  ثمانون: 80,
  ثمانين: 80,
  تسعون: 90,
  تسعين: 90,
};

/**
 * Arabic cardinals as they are written, with and without hamza and with ة or ه, masculine and
 * feminine. Teens are a unit and ten ("ثلاثة عشر"), other numbers units before tens joined by
 * "و" ("خمسة وعشرون", 25), hundreds and thousands before them ("مائة وخمسون", 150).
 */
const CARDINALS = numeral({
  add: {
    واحد: 1,
    واحدة: 1,
    واحده: 1,
    أحد: 1,
    احد: 1,
    إحدى: 1,
    احدى: 1,
    اثنان: 2,
    اثنين: 2,
    اثنا: 2,
    اثنتان: 2,
    اثنتين: 2,
    اثنتا: 2,
    إثنان: 2,
    إثنين: 2,
    ثلاث: 3,
    ثلاثة: 3,
    ثلاثه: 3,
    أربع: 4,
    أربعة: 4,
    أربعه: 4,
    اربع: 4,
    اربعة: 4,
    اربعه: 4,
    خمس: 5,
    خمسة: 5,
    خمسه: 5,
    ست: 6,
    ستة: 6,
    سته: 6,
    سبع: 7,
    سبعة: 7,
    سبعه: 7,
    ثمان: 8,
    ثماني: 8,
    ثمانية: 8,
    ثمانيه: 8,
    تسع: 9,
    تسعة: 9,
    تسعه: 9,
    عشر: 10,
    عشرة: 10,
    عشره: 10,
    ...ARABIC_TENS,
    مائتان: 200,
    مائتين: 200,
    مئتان: 200,
    مئتين: 200,
    ثلاثمائة: 300,
    ثلاثمئة: 300,
    أربعمائة: 400,
    اربعمائة: 400,
    أربعمئة: 400,
    اربعمئة: 400,
    خمسمائة: 500,
    خمسمئة: 500,
    ستمائة: 600,
    ستمئة: 600,
    سبعمائة: 700,
    سبعمئة: 700,
    ثمانمائة: 800,
    ثمانمئة: 800,
    تسعمائة: 900,
    تسعمئة: 900,
    ألفان: 2000,
    ألفين: 2000,
    الفان: 2000,
    الفين: 2000,
    مليونان: 2_000_000,
    مليونين: 2_000_000,
  },
  times: {
    مائة: 100,
    مئة: 100,
    ميه: 100,
    ألف: 1000,
    الف: 1000,
    آلاف: 1000,
    الاف: 1000,
    مليون: 1_000_000,
    ملايين: 1_000_000,
  },
  // "و" (and) is written onto the next word, or apart from it.
  between: '\\s+(?:و\\s*)?',
});

/**
 * Words that are something else alone: "أحد" is also "someone" and Sunday, "ست" a lady, "عشر"
 * "a tenth"; inside a numeral ("أحد عشر", "ست مائة") they count.
 */
const NOT_ALONE = new Set(['أحد', 'احد', 'إحدى', 'احدى', 'ست', 'عشر', 'اثنا', 'اثنتا']);

/** The value of Western or Arabic-Indic digits already made ASCII, or of a numeral in words. */
export function arabicNumeralValue(text: string): number | undefined {
  if (NOT_ALONE.has(text)) return undefined;
  return CARDINALS.value(text);
}

/** A numeral in words (no groups, no boundaries). */
export const ARABIC_NUMERAL = CARDINALS.pattern;

const CURRENCIES: Array<[string, string]> = [
  ['ريال(?:ات)?\\s+سعودي(?:ة)?', 'saudi riyals'],
  ['ريال(?:ات|اً|ا)?', 'riyals'],
  ['دولار(?:ات|اً|ا)?(?:\\s+أمريكي(?:ة)?)?', 'us dollars'],
  ['يورو', 'euros'],
  ['جنيه(?:ات|اً|ا)?\\s+مصري(?:ة)?', 'egyptian pounds'],
  ['جنيه(?:ات|اً|ا)?', 'pounds'],
  ['دينار(?:اً|ا)?\\s+كويتي(?:ة)?', 'kuwaiti dinar'],
  ['دينار(?:اً|ا)?|دنانير', 'dinars'],
  ['درهم(?:اً|ا)?\\s+مغربي(?:ة)?', 'moroccan dirham'],
  ['درهم(?:اً|ا)?|دراهم', 'dirham'],
];

/**
 * Arabic numerals, per cent and currency words in the English the recognizer reads ("خمسة
 * وعشرون ريالا" → "25 riyals"). "و", "ب", "ل" or "ف" written onto a numeral ("بخمسة", for five)
 * is kept out of its value.
 */
export const ARABIC_NUMBER_RULES: readonly RewriteRule[] = [
  {
    pattern: `${START}(?:بال|في\\s+ال)(?:مائة|مئة|مية)${END}|٪`,
    replace: () => ' percent ',
  },
  ...CURRENCIES.map(([pattern, english]): RewriteRule => ({
    pattern: `${START}(?:${pattern})${END}`,
    replace: () => ` ${english} `,
  })),
  {
    pattern: `${START}(?:(${ARABIC_NUMERAL})|[وفبل](${ARABIC_NUMERAL}))${END}`,
    replace: (m) => {
      const n = arabicNumeralValue((m[1] ?? m[2]) as string);
      return n === undefined ? m[0] : ` ${n} `;
    },
  },
];
