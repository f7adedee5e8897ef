import type { RewriteRule } from './rewrite-text.js';

/** The English month names, January first, that the recognizer reads. */
export const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** No letter or digit before / after: a whole word in any script. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex alternation of words, longest first, so a prefix never wins over the whole word. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

/** How a language writes its numerals in words. */
export interface NumberWords {
  /** Words that add their value: units, teens, tens (and elided stems such as Italian "vent"). */
  add: Record<string, number>;
  /** Words that multiply what comes before them: 10 (Indonesian "puluh"), 100, 1000, 10⁶. */
  times: Record<string, number>;
  /** What may stand between two parts: '' for one word ("ventitré"), '\\s+' for several. */
  between: string;
  /** Words left as they are when they stand alone: articles ("una", "een"), homonyms ("sei"). */
  notAlone?: readonly string[];
}

/** A numeral in words of one language: its pattern (no boundaries, no groups) and its value. */
export interface Numeral {
  pattern: string;
  value(text: string): number | undefined;
}

export function numeral(words: NumberWords): Numeral {
  const parts = alternation([...Object.keys(words.add), ...Object.keys(words.times)]);
  const pattern = `(?:${parts})(?:${words.between}(?:${parts}))*`;
  const lookup = new Map<string, { add?: number; times?: number }>();
  for (const [w, v] of Object.entries(words.add)) lookup.set(w.toLowerCase(), { add: v });
  for (const [w, v] of Object.entries(words.times)) lookup.set(w.toLowerCase(), { times: v });
  const scan = new RegExp(`(${parts})|${words.between === '' ? '(?!)' : words.between}`, 'giu');
  return {
    pattern,
    value(text) {
      // total: complete thousands; current: complete hundreds and tens; small: the units since.
      let total = 0;
      let current = 0;
      let small = 0;
      let seen = false;
      for (const m of text.matchAll(scan)) {
        const part = m[1] ? lookup.get(m[1].toLowerCase()) : undefined;
        if (!part) continue;
        seen = true;
        if (part.add !== undefined) small += part.add;
        else if (part.times !== undefined && part.times >= 1000) {
          total += (current + small || 1) * part.times;
          current = small = 0;
        } else if (part.times !== undefined) {
          current += (small || 1) * part.times;
          small = 0;
        }
      }
      return seen ? total + current + small : undefined;
    },
  };
}

/** Digits or a numeral in words: the value of what a pattern `(\\d+|numeral)` caught. */
export function amount(num: Numeral, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : num.value(text);
}

/** The rule writing numerals in words as digits ("ventitré" → "23"), except the ones left alone. */
export function numeralRule(num: Numeral, notAlone: readonly string[] = []): RewriteRule {
  const alone = new Set(notAlone.map((w) => w.toLowerCase()));
  return {
    pattern: `${WORD_START}${num.pattern}${WORD_END}`,
    replace: (m) => {
      if (alone.has(m[0].toLowerCase())) return m[0];
      const n = num.value(m[0]);
      return n === undefined ? m[0] : String(n);
    },
  };
}

/**
 * Day-first numeric dates in the English the recognizer reads unambiguously ("3/5/2027" →
 * "3 may 2027", which an English model would read as the fifth of March). With dots or dashes
 * a year is required, so "8.30" stays a time.
 */
export function dayFirstDateRules(): RewriteRule[] {
  const write = (d: string, mo: string, y: string | undefined, whole: string): string => {
    const month = ENGLISH_MONTHS[Number(mo) - 1];
    if (!month || Number(d) < 1 || Number(d) > 31) return whole;
    const year = y === undefined ? '' : y.length === 2 ? ` 20${y}` : ` ${y}`;
    return `${Number(d)} ${month}${year}`;
  };
  return [
    {
      pattern: '(?<![\\d./-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])',
      replace: (m) => write(m[1] as string, m[2] as string, m[3], m[0]),
    },
    {
      pattern: '(?<![\\d./-])(\\d{1,2})([.-])(\\d{1,2})\\2(\\d{4})(?![\\d.-])',
      replace: (m) => write(m[1] as string, m[3] as string, m[4], m[0]),
    },
  ];
}

/**
 * Thousands dots and decimal commas as the recognizer writes them ("1.500" → "1500", "3,50" →
 * "3.50"); a decimal comma takes at most two digits so "3,500" is not read as three and a half.
 */
export function decimalCommaRules(): RewriteRule[] {
  return [
    {
      pattern: '(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})+)(?:,(\\d{1,2}))?(?![\\d.,])',
      replace: (m) => `${(m[1] as string).replace(/\./g, '')}${m[2] ? `.${m[2]}` : ''}`,
    },
    { pattern: '(?<![\\d.,])(\\d+),(\\d{1,2})(?![\\d,])', replace: (m) => `${m[1]}.${m[2]}` },
  ];
}

/** Rules replacing whole words by a table, each word optionally followed by a suffix pattern. */
export function inflectedRules(table: Record<string, string>, suffix: string): RewriteRule[] {
  const lookup = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  return [
    {
      pattern: `${WORD_START}(${alternation(Object.keys(table))})(?:${suffix})?${WORD_END}`,
      replace: (m) => lookup.get((m[1] as string).toLowerCase()) ?? m[0],
    },
  ];
}

/** "28th", "1st", "22nd": the English ordinal the recognizer reads a day of the month in. */
export function ordinalSuffix(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen
    ? 'th'
    : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * A rule writing a language's ordinal as the English the ordinal recognizer reads ("dritten"
 * → "3rd"): digits and a suffix, never "second", which the date-time model reads as a unit of
 * time too. `pad` puts spaces around it, for scripts that write none between words.
 */
export function ordinalRule(
  pattern: string,
  value: (m: RegExpExecArray) => number | undefined,
  pad = false,
): RewriteRule {
  return {
    pattern,
    replace: (m) => {
      const n = value(m);
      if (n === undefined || !Number.isInteger(n) || n < 1) return m[0];
      return pad ? ` ${ordinalSuffix(n)} ` : ordinalSuffix(n);
    },
  };
}

/** A rule leaving what it matches as it is, so that no later rule reads a word inside it. */
export function keepRule(pattern: string): RewriteRule {
  return { pattern, replace: (m) => m[0] };
}

/** An hour and minutes in the English clock the recognizer reads ("8:05"). */
export function clock(hour: number | undefined, minutes = 0): string | undefined {
  if (hour === undefined || hour > 24 || minutes > 59) return undefined;
  return `${hour}:${String(minutes).padStart(2, '0')}`;
}

/** "half nine" (Dutch, Indonesian, German) is half past eight. */
export function halfBefore(hour: number | undefined): string | undefined {
  return hour === undefined || hour < 1 || hour > 24 ? undefined : clock(hour - 1, 30);
}
