import { alternation } from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { segmentWords } from '../text/segment-words.js';

/** Units: "เอ็ด" is the one after a ten ("ยี่สิบเอ็ด", 21), "ยี่" the two of twenty. */
const UNITS: Record<string, number> = {
  หนึ่ง: 1,
  เอ็ด: 1,
  สอง: 2,
  ยี่: 2,
  สาม: 3,
  สี่: 4,
  ห้า: 5,
  หก: 6,
  เจ็ด: 7,
  แปด: 8,
  เก้า: 9,
};

/** Each place has its own word: 10, 100, 1,000, 10,000, 100,000 and a million. */
const PLACES: Record<string, number> = {
  สิบ: 10,
  ร้อย: 100,
  พัน: 1_000,
  หมื่น: 10_000,
  แสน: 100_000,
  ล้าน: 1_000_000,
};

/**
 * Words that are something else when they stand alone: "แสน" is "very" ("แสนดี"), "พัน" "to
 * wrap"; "ยี่" and "เอ็ด" are only said inside a numeral.
 */
const NOT_ALONE = new Set(['แสน', 'พัน', 'ยี่', 'เอ็ด']);

const PART = `(${alternation([...Object.keys(UNITS), ...Object.keys(PLACES)])})`;
// Compiled once: it splits every Thai numeral a message has.
const PARTS = new RegExp(PART, 'gu');
/** A run of numeral words (no groups, no boundaries): `thaiNumeralValue` says whether it is one. */
export const THAI_NUMERAL = `(?:${alternation([...Object.keys(UNITS), ...Object.keys(PLACES)])})+`;
/** A number in Western or Thai digits, or in words. */
const THAI_DIGIT = '[0-9\\u0E50-\\u0E59]';
const NUMBER = `(${THAI_DIGIT}+|${THAI_NUMERAL})`;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** The value of digits (Western or Thai) or of a numeral in words. */
export function thaiNumberValue(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^[0-9\u0E50-\u0E59]+$/u.test(text))
    return Number(text.replace(/[\u0E50-\u0E59]/gu, (c) => String(THAI_DIGITS.indexOf(c))));
  return thaiNumeralValue(text);
}

/**
 * The value of a Thai numeral ("สามสิบสอง" → 32, "หนึ่งพันสองร้อย" → 1200), or undefined when
 * the words do not make one: two units in a row ("สองสาม", "two or three") are a guess, not a
 * number.
 */
export function thaiNumeralValue(text: string): number | undefined {
  let total = 0;
  let current = 0;
  let unit: number | undefined;
  let length = 0;
  for (const m of text.matchAll(PARTS)) {
    length += m[0].length;
    const word = m[0];
    const u = UNITS[word];
    if (u !== undefined) {
      if (unit !== undefined) return undefined;
      unit = u;
      continue;
    }
    const place = PLACES[word]!;
    if (place >= 1_000_000) {
      total = (total + current + (unit ?? 0) || 1) * place;
      current = 0;
    } else current += (unit ?? 1) * place;
    unit = undefined;
  }
  if (length !== text.length) return undefined;
  return total + current + (unit ?? 0);
}

// Thai writes no spaces between words: a numeral counts only where ICU's word segmentation
// puts a word boundary before and after it ("สาม" is three, "สามี" a husband, "ห้าง" a shop).
let segmented: { text: string; boundaries: Set<number> } | undefined;
/** Where ICU's Thai word segmentation puts a word boundary in a text (the last text's, cached). */
export function thaiWordBoundaries(text: string): Set<number> {
  if (segmented?.text !== text) {
    const set = new Set<number>([0, text.length]);
    for (const piece of segmentWords(text, 'th')) {
      set.add(piece.index);
      set.add(piece.index + piece.text.length);
    }
    segmented = { text, boundaries: set };
  }
  return segmented.boundaries;
}

/**
 * Thai numerals, per cent and currency words in the English the recognizer reads
 * ("ห้าร้อยบาท" → "500 baht"); digits and the Thai digits are left to the date rules.
 */
export const THAI_NUMBER_RULES: readonly RewriteRule[] = [
  // "ร้อยละ 20" says the per cent before the number.
  {
    pattern: `ร้อยละ\\s*${NUMBER}`,
    replace: (m) => {
      const n = thaiNumberValue(m[1]);
      return n === undefined ? m[0] : ` ${n} percent `;
    },
  },
  { pattern: 'เปอร์เซ็นต์|เปอร์เซนต์', replace: () => ' percent ' },
  { pattern: 'บาท', replace: () => ' baht ' },
  { pattern: 'ดอลลาร์(?:สหรัฐ)?', replace: () => ' us dollars ' },
  { pattern: 'ยูโร', replace: () => ' euros ' },
  // "สี่แยก" is a crossroads, not four of anything.
  {
    pattern: `${THAI_NUMERAL}(?!แยก)`,
    replace: (m) => {
      const at = thaiWordBoundaries(m.input);
      if (!at.has(m.index) || !at.has(m.index + m[0].length) || NOT_ALONE.has(m[0])) return m[0];
      const n = thaiNumeralValue(m[0]);
      return n === undefined ? m[0] : ` ${n} `;
    },
  },
];
