import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  decimalCommaRules,
  halfBefore,
  numeral,
  numeralRule,
  ordinalRule,
  WORD_END,
  WORD_START,
} from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

const MONTHS: Record<string, string> = {
  januari: 'january',
  februari: 'february',
  mars: 'march',
  april: 'april',
  maj: 'may',
  juni: 'june',
  juli: 'july',
  augusti: 'august',
  september: 'september',
  oktober: 'october',
  november: 'november',
  december: 'december',
};

const WEEKDAYS: Record<string, string> = {
  måndag: 'monday',
  tisdag: 'tuesday',
  onsdag: 'wednesday',
  torsdag: 'thursday',
  fredag: 'friday',
  lördag: 'saturday',
  söndag: 'sunday',
};

// "en" and "ett" are the articles as often as one.
const NUMBERS = numeral({
  add: {
    en: 1,
    ett: 1,
    två: 2,
    tre: 3,
    fyra: 4,
    fem: 5,
    sex: 6,
    sju: 7,
    åtta: 8,
    nio: 9,
    tio: 10,
    elva: 11,
    tolv: 12,
    tretton: 13,
    fjorton: 14,
    femton: 15,
    sexton: 16,
    sjutton: 17,
    arton: 18,
    nitton: 19,
    tjugo: 20,
    trettio: 30,
    fyrtio: 40,
    femtio: 50,
    sextio: 60,
    sjuttio: 70,
    åttio: 80,
    nittio: 90,
  },
  times: { hundra: 100, tusen: 1000, miljon: 1e6, miljoner: 1e6 },
  between: '',
});
const N = `\\d{1,2}|${NUMBERS.pattern}`;
const UNITS =
  '(?:dag|dagar|vecka|veckor|månad|månader|år|timme|timmar|minut|minuter|sekund|sekunder)';

/**
 * Swedish date, time, number and money words in the English the recognizer reads ("i morgon
 * klockan 8" → "tomorrow at 8", "nästa fredag" → "next friday", "halv nio" → "8:30", "100
 * kronor"). Recognizers-Text has no Swedish model in JavaScript. "morgon" alone is the morning;
 * tomorrow is "i morgon" / "imorgon", and the greeting "god morgon" is neither.
 */
const WORDS: Record<string, string> = {
  idag: 'today',
  'i dag': 'today',
  imorgon: 'tomorrow',
  'i morgon': 'tomorrow',
  'i morgon bitti': 'tomorrow morning',
  'imorgon bitti': 'tomorrow morning',
  övermorgon: 'the day after tomorrow',
  'i övermorgon': 'the day after tomorrow',
  igår: 'yesterday',
  'i går': 'yesterday',
  förrgår: 'the day before yesterday',
  'i förrgår': 'the day before yesterday',
  nu: 'now',
  ikväll: 'this evening',
  'i kväll': 'this evening',
  'i natt': 'tonight',
  inatt: 'tonight',
  'i morse': 'this morning',
  imorse: 'this morning',
  'i eftermiddag': 'this afternoon',
  'på morgonen': 'in the morning',
  'på förmiddagen': 'in the morning',
  'på eftermiddagen': 'in the afternoon',
  'på kvällen': 'in the evening',
  'på natten': 'at night',
  morgon: 'morning',
  förmiddag: 'morning',
  eftermiddag: 'afternoon',
  kväll: 'evening',
  natt: 'night',
  'mitt på dagen': 'noon',
  midnatt: 'midnight',
  'i helgen': 'this weekend',
  helgen: 'weekend',
  helg: 'weekend',
  vecka: 'week',
  veckan: 'week',
  veckor: 'weeks',
  dag: 'day',
  dagar: 'days',
  månad: 'month',
  månaden: 'month',
  månader: 'months',
  år: 'year',
  året: 'year',
  timme: 'hour',
  timmar: 'hours',
  minut: 'minute',
  minuter: 'minutes',
  sekund: 'second',
  sekunder: 'seconds',
  'hela dagen': 'all day',
  nästa: 'next',
  kommande: 'next',
  förra: 'last',
  'den här': 'this',
  denna: 'this',
  detta: 'this',
  procent: 'percent',
  // The English model knows the Swedish currency by this name only ("kronor" is any krone).
  kronor: 'swedish krona',
  krona: 'swedish krona',
  kr: 'swedish krona',
  öre: 'cents',
  ...MONTHS,
  ...WEEKDAYS,
};

const UNIT_ORDINALS: Record<string, number> = {
  första: 1,
  förste: 1,
  andra: 2,
  andre: 2,
  tredje: 3,
  fjärde: 4,
  femte: 5,
  sjätte: 6,
  sjunde: 7,
  åttonde: 8,
  nionde: 9,
};
/** Ordinals; from 21 the ten's cardinal and the unit's ordinal in one word ("tjugoförsta"). */
const ORDINALS: Record<string, number> = {
  ...UNIT_ORDINALS,
  tionde: 10,
  elfte: 11,
  tolfte: 12,
  trettonde: 13,
  fjortonde: 14,
  femtonde: 15,
  sextonde: 16,
  sjuttonde: 17,
  artonde: 18,
  nittonde: 19,
  hundrade: 100,
};
for (const [i, ten] of [
  'tjugo',
  'trettio',
  'fyrtio',
  'femtio',
  'sextio',
  'sjuttio',
  'åttio',
  'nittio',
].entries()) {
  ORDINALS[`${ten}nde`] = (i + 2) * 10;
  for (const [unit, u] of Object.entries(UNIT_ORDINALS))
    ORDINALS[`${ten}${unit}`] = (i + 2) * 10 + u;
}
const ordinalValue = (m: RegExpExecArray): number | undefined =>
  ORDINALS[(m[1] as string).toLowerCase()];
const MONTH = `(?:${alternation(Object.keys(MONTHS))})${WORD_END}`;
/** What "andra" (the other, others; the second) counts before: a thing in a row, or a month. */
const COUNTED =
  '(?:gången|gång|våningen|våning|platsen|plats|dagen|veckan|raden|klassen|klass|omgången|halvleken|alternativet|kapitlet|hand)';
/** Ordinals but "andra" / "andre", which say "other" as often as "second". */
const UNAMBIGUOUS = `(${alternation(Object.keys(ORDINALS).filter((w) => !/^andr[ae]$/.test(w)))})`;

/**
 * Swedish ordinals in the English the ordinal recognizer reads ("den tredje" → "den 3rd", "3:e"
 * → "3rd"). "andra" / "andre" is "other" as often as it is "second" ("de andra", "på andra
 * sidan"): it counts only before a month ("andra maj") or a word for a place in a row
 * ("andra gången", "andra våningen", "andra plats"), never alone.
 */
export const SWEDISH_ORDINALS: readonly RewriteRule[] = [
  ordinalRule(`${WORD_START}${UNAMBIGUOUS}${WORD_END}`, ordinalValue),
  ordinalRule(`${WORD_START}(andra|andre)(?=\\s+(?:${COUNTED}${WORD_END}|${MONTH}))`, ordinalValue),
  ordinalRule(`${WORD_START}(\\d{1,3}):(?:[ae]|dje)${WORD_END}`, (m) => Number(m[1])),
];

/** Rules, tried in this order at each position; see `rewriteText`. */
export const SWEDISH_TO_ENGLISH: readonly RewriteRule[] = [
  {
    // "en vecka", "ett år": the article is one before a unit.
    pattern: `(?<![\\p{L}])(?:en|ett)(?=\\s+(?:dag|vecka|månad|år|timme|minut|sekund)(?![\\p{L}]))`,
    replace: () => '1',
  },
  // The greeting is not a date.
  { pattern: '(?<![\\p{L}])god\\s+morgon(?![\\p{L}])', replace: (m) => m[0] },
  {
    // "klockan 8", "kl. 20.30": "at", then the hour.
    pattern: `(?<![\\p{L}])(?:klockan|kl\\.?)(?=\\s*(?:halv\\s+|kvart\\s+(?:över|i)\\s+)?(?:${N})(?![\\p{L}\\p{N}]))`,
    replace: () => 'at',
  },
  {
    // "halv nio": half an hour before nine.
    pattern: `(?<![\\p{L}])halv\\s+(${N})(?![\\p{L}\\p{N}])`,
    replace: (m) => halfBefore(amount(NUMBERS, m[1])) ?? m[0],
  },
  {
    // "kvart över 8", "kvart i 9".
    pattern: `(?<![\\p{L}])kvart\\s+(över|i)\\s+(${N})(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[2]);
      if (hour === undefined) return m[0];
      const past = (m[1] as string).toLowerCase() === 'över';
      return (past ? clock(hour, 15) : clock((hour + 23) % 24, 45)) ?? m[0];
    },
  },
  {
    // The hour after "klockan": "8", "åtta", "20.30".
    pattern: `(?<=(?<![\\p{L}])(?:klockan|kl\\.?)\\s*)(${N})(?:[:.](\\d{2}))?(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[1]);
      if (m[2] !== undefined) return clock(hour, Number(m[2])) ?? m[0];
      return hour === undefined || hour > 24 ? m[0] : String(hour);
    },
  },
  {
    // "om 3 dagar": in three days ("om" alone is "if" or "about").
    pattern: `(?<![\\p{L}])om(?=\\s+(?:\\d+|${NUMBERS.pattern})\\s+${UNITS}(?![\\p{L}]))`,
    replace: () => 'in',
  },
  {
    // "för 3 dagar sedan": three days ago.
    pattern: `(?<![\\p{L}])för\\s+(\\d+|${NUMBERS.pattern})\\s+(${UNITS})\\s+sedan(?![\\p{L}])`,
    replace: (m) => {
      const n = amount(NUMBERS, m[1]);
      const unit = WORDS[(m[2] as string).toLowerCase()];
      return n === undefined || !unit ? m[0] : `${n} ${unit} ago`;
    },
  },
  {
    // "fredagen", "på fredag": the weekday with its article.
    pattern: `(?<![\\p{L}])(${alternation(Object.keys(WEEKDAYS))})(?:en|s)?(?![\\p{L}])`,
    replace: (m) => WEEKDAYS[(m[1] as string).toLowerCase()] ?? m[0],
  },
  // "den tredje maj", "den 3:e maj": a day of the month said as an ordinal.
  ordinalRule(`${WORD_START}(${alternation(Object.keys(ORDINALS))})(?=\\s+${MONTH})`, ordinalValue),
  ordinalRule(`${WORD_START}(\\d{1,2}):(?:[ae]|dje)${WORD_END}`, (m) => Number(m[1])),
  // "den 3 maj": the day before the month reads as is.
  { pattern: '(?<![\\p{L}])den(?=\\s+\\d{1,2}(?![\\d]))', replace: () => 'on' },
  ...dayFirstDateRules(),
  ...decimalCommaRules(),
  numeralRule(NUMBERS, ['en', 'ett']),
  ...wordRules(WORDS),
];
