import * as Recognizers from '@microsoft/recognizers-text-suite';
import type { SupportedLanguage, SystemEntityName } from '@parley/domain';
import { ARABIC_ORDINALS, ARABIC_TO_ENGLISH } from './arabic-dates.js';
import { CHINESE_DATES } from './chinese-dates.js';
import { GERMAN_ORDINALS, GERMAN_TO_ENGLISH } from './german-dates.js';
import { DUTCH_ORDINALS, DUTCH_TO_ENGLISH } from './dutch-dates.js';
import { INDONESIAN_ORDINALS, INDONESIAN_TO_ENGLISH } from './indonesian-dates.js';
import { ITALIAN_ORDINALS, ITALIAN_TO_ENGLISH } from './italian-dates.js';
import { JAPANESE_TO_CHINESE } from './japanese-dates.js';
import { KOREAN_TO_CHINESE } from './korean-dates.js';
import { KOREAN_ORDINALS } from './korean-numbers.js';
import { PORTUGUESE_TO_ENGLISH } from './portuguese-dates.js';
import { RUSSIAN_ORDINALS, RUSSIAN_TO_ENGLISH } from './russian-dates.js';
import { SWEDISH_ORDINALS, SWEDISH_TO_ENGLISH } from './swedish-dates.js';
import { THAI_ORDINALS, THAI_TO_ENGLISH } from './thai-dates.js';
import { TURKISH_ORDINALS, TURKISH_TO_ENGLISH } from './turkish-dates.js';
import type { RewriteRule } from './rewrite-text.js';

/** The recognizers of Recognizers-Text the system entities use. */
export type RecognizerKind =
  'number' | 'ordinal' | 'percentage' | 'money' | 'datetime' | 'email' | 'phone' | 'url';

/** How one recognizer reads a language: with which culture, after which rewrite. */
export interface CultureChoice {
  culture: string;
  rewrite?: readonly RewriteRule[];
  /** False when only language-neutral forms (digits, symbols, ISO dates) are understood. */
  native: boolean;
}

const C = Recognizers.Culture;

/**
 * Cultures Recognizers-Text's JavaScript models cover, by recognizer (measured: its Dutch,
 * German and Italian culture codes fall back to English). E-mails, phone numbers and URLs read
 * the same in every language.
 */
const NATIVE: Record<
  'number' | 'money' | 'datetime',
  Partial<Record<SupportedLanguage, string>>
> = {
  number: {
    en: C.English,
    es: C.Spanish,
    pt: C.Portuguese,
    fr: C.French,
    zh: C.Chinese,
    ja: C.Japanese,
  },
  money: {
    en: C.English,
    es: C.Spanish,
    pt: C.Portuguese,
    fr: C.French,
    zh: C.Chinese,
    ja: C.Japanese,
  },
  datetime: { en: C.English, es: C.Spanish, fr: C.French, zh: C.Chinese },
};

const viaEnglish = (rewrite: readonly RewriteRule[]): CultureChoice => ({
  culture: C.English,
  rewrite,
  native: true,
});

/**
 * Languages whose dates, times, numbers in words, per cent and money the English models read
 * after a rewrite of those words.
 */
const BY_ENGLISH: Partial<Record<SupportedLanguage, CultureChoice>> = {
  ar: viaEnglish(ARABIC_TO_ENGLISH),
  de: viaEnglish(GERMAN_TO_ENGLISH),
  id: viaEnglish(INDONESIAN_TO_ENGLISH),
  it: viaEnglish(ITALIAN_TO_ENGLISH),
  nl: viaEnglish(DUTCH_TO_ENGLISH),
  ru: viaEnglish(RUSSIAN_TO_ENGLISH),
  sv: viaEnglish(SWEDISH_TO_ENGLISH),
  th: viaEnglish(THAI_TO_ENGLISH),
  tr: viaEnglish(TURKISH_TO_ENGLISH),
};

/** Korean dates, times, numbers, per cent and money, in the Chinese the Chinese models read. */
const KOREAN: CultureChoice = { culture: C.Chinese, rewrite: KOREAN_TO_CHINESE, native: true };
const BY_REWRITE = { ...BY_ENGLISH, ko: KOREAN };

/** Languages read by another culture's model after a rewrite of their date, time and number words. */
const REWRITTEN: Partial<
  Record<RecognizerKind, Partial<Record<SupportedLanguage, CultureChoice>>>
> = {
  number: BY_REWRITE,
  // Ordinals have a rewrite of their own, read by the ordinal recognizer alone: the date-time
  // model would take "3rd" after "in" or "at" for a day of the month ("im dritten Stock").
  ordinal: {
    ar: viaEnglish(ARABIC_ORDINALS),
    de: viaEnglish(GERMAN_ORDINALS),
    id: viaEnglish(INDONESIAN_ORDINALS),
    it: viaEnglish(ITALIAN_ORDINALS),
    ko: { culture: C.Chinese, rewrite: KOREAN_ORDINALS, native: true },
    nl: viaEnglish(DUTCH_ORDINALS),
    ru: viaEnglish(RUSSIAN_ORDINALS),
    sv: viaEnglish(SWEDISH_ORDINALS),
    th: viaEnglish(THAI_ORDINALS),
    tr: viaEnglish(TURKISH_ORDINALS),
  },
  percentage: BY_REWRITE,
  money: BY_REWRITE,
  datetime: {
    ...BY_ENGLISH,
    // Portuguese numbers and money have their own culture; its dates none.
    pt: viaEnglish(PORTUGUESE_TO_ENGLISH),
    ja: { culture: C.Chinese, rewrite: JAPANESE_TO_CHINESE, native: true },
    zh: { culture: C.Chinese, rewrite: CHINESE_DATES, native: true },
    ko: KOREAN,
  },
};

const NEUTRAL = new Set<RecognizerKind>(['email', 'phone', 'url']);

/** The culture a recognizer reads a language with; English (digits and symbols only) when none covers it. */
export function cultureFor(kind: RecognizerKind, language: SupportedLanguage): CultureChoice {
  if (NEUTRAL.has(kind)) return { culture: C.English, native: true };
  const rewritten = REWRITTEN[kind]?.[language];
  if (rewritten) return rewritten;
  const table =
    kind === 'ordinal' || kind === 'percentage' ? NATIVE.number : NATIVE[kind as 'number'];
  const culture = table[language];
  return culture ? { culture, native: true } : { culture: C.English, native: false };
}

const WHAT: Record<RecognizerKind, string> = {
  number: 'numbers in words',
  ordinal: 'ordinals in words',
  percentage: 'percentages in words',
  money: 'amounts of money in words',
  datetime: 'dates and times in words ("tomorrow", weekdays, month names)',
  email: 'e-mail addresses',
  phone: 'phone numbers',
  url: 'URLs',
};

/**
 * Model warnings for the system entities a model uses in a language no recognizer covers:
 * they still find digits, symbols and ISO dates, not words, and the bot builder should know.
 * `choose` is how a recognizer reads a language (`cultureFor`, which today covers every
 * supported language in words; a language added without a culture or rewrite warns).
 */
export function systemEntityWarnings(
  entities: readonly SystemEntityName[],
  language: SupportedLanguage,
  recognizerOf: (name: SystemEntityName) => RecognizerKind,
  choose: (kind: RecognizerKind, language: SupportedLanguage) => CultureChoice = cultureFor,
): string[] {
  const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  return entities.flatMap((entity) => {
    const kind = recognizerOf(entity);
    return choose(kind, language).native
      ? []
      : [
          `${entity}: Recognizers-Text does not read ${name} ${WHAT[kind]}; only digits, symbols and ISO dates are understood`,
        ];
  });
}
