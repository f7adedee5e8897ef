import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  decimalCommaRules,
  halfBefore,
  numeral,
  keepRule,
  numeralRule,
  ordinalRule,
  ordinalSuffix,
  WORD_END,
  WORD_START,
} from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

const MONTHS: Record<string, string> = {
  januari: 'january',
  februari: 'february',
  maart: 'march',
  april: 'april',
  mei: 'may',
  juni: 'june',
  juli: 'july',
  augustus: 'august',
  september: 'september',
  oktober: 'october',
  november: 'november',
  december: 'december',
};

const WEEKDAYS: Record<string, string> = {
  maandag: 'monday',
  dinsdag: 'tuesday',
  woensdag: 'wednesday',
  donderdag: 'thursday',
  vrijdag: 'friday',
  zaterdag: 'saturday',
  zondag: 'sunday',
};
const PARTS: Record<string, string> = {
  ochtend: 'morning',
  morgen: 'morning',
  middag: 'afternoon',
  avond: 'evening',
  nacht: 'night',
};

// "een" is the article as often as it is one; "één" is the number.
const NUMBERS = numeral({
  add: {
    een: 1,
    één: 1,
    twee: 2,
    drie: 3,
    vier: 4,
    vijf: 5,
    zes: 6,
    zeven: 7,
    acht: 8,
    negen: 9,
    tien: 10,
    elf: 11,
    twaalf: 12,
    dertien: 13,
    veertien: 14,
    vijftien: 15,
    zestien: 16,
    zeventien: 17,
    achttien: 18,
    negentien: 19,
    twintig: 20,
    dertig: 30,
    veertig: 40,
    vijftig: 50,
    zestig: 60,
    zeventig: 70,
    tachtig: 80,
    negentig: 90,
  },
  times: { honderd: 100, duizend: 1000, miljoen: 1e6 },
  // "eenentwintig", "tweeëntwintig".
  between: '(?:en|ën)?',
});
const N = `\\d{1,2}|${NUMBERS.pattern}`;

/**
 * Dutch date, time, number and money words in the English the recognizer reads ("morgen om 8
 * uur" → "tomorrow at 8 o'clock", "volgende week vrijdag" → "next week friday", "half negen" →
 * "8:30"). Recognizers-Text has no Dutch model in JavaScript. "morgen" is tomorrow: the morning
 * is "ochtend" in speech, and the greetings ("goedemorgen", "goede morgen") and "'s morgens"
 * (in the morning) are read before it.
 */
const WORDS: Record<string, string> = {
  vandaag: 'today',
  morgen: 'tomorrow',
  overmorgen: 'the day after tomorrow',
  gisteren: 'yesterday',
  eergisteren: 'the day before yesterday',
  nu: 'now',
  meteen: 'now',
  vanavond: 'this evening',
  vannacht: 'tonight',
  vanochtend: 'this morning',
  vanmorgen: 'this morning',
  vanmiddag: 'this afternoon',
  morgenochtend: 'tomorrow morning',
  morgenvroeg: 'tomorrow morning',
  morgenmiddag: 'tomorrow afternoon',
  morgenavond: 'tomorrow evening',
  "'s ochtends": 'in the morning',
  "'s morgens": 'in the morning',
  '’s ochtends': 'in the morning',
  '’s morgens': 'in the morning',
  "'s middags": 'in the afternoon',
  '’s middags': 'in the afternoon',
  "'s avonds": 'in the evening',
  '’s avonds': 'in the evening',
  "'s nachts": 'at night',
  '’s nachts': 'at night',
  ochtend: 'morning',
  middag: 'afternoon',
  avond: 'evening',
  nacht: 'night',
  middernacht: 'midnight',
  ...WEEKDAYS,
  weekend: 'weekend',
  week: 'week',
  weken: 'weeks',
  dag: 'day',
  dagen: 'days',
  maand: 'month',
  maanden: 'months',
  jaar: 'year',
  jaren: 'years',
  uur: 'hours',
  minuut: 'minute',
  minuten: 'minutes',
  seconde: 'second',
  seconden: 'seconds',
  uren: 'hours',
  'de hele dag': 'all day',
  'hele dag': 'all day',
  vanavonds: 'this evening',
  volgende: 'next',
  volgend: 'next',
  komende: 'next',
  aanstaande: 'next',
  vorige: 'last',
  vorig: 'last',
  afgelopen: 'last',
  deze: 'this',
  dit: 'this',
  om: 'at',
  op: 'on',
  procent: 'percent',
  ...MONTHS,
};

/** Ordinals: up to 19 the cardinal and "-de" (but "eerste", "derde", "achtste"), from 20 "-ste". */
const ORDINALS: Record<string, number> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
  zesde: 6,
  zevende: 7,
  achtste: 8,
  negende: 9,
  tiende: 10,
  elfde: 11,
  twaalfde: 12,
  dertiende: 13,
  veertiende: 14,
  vijftiende: 15,
  zestiende: 16,
  zeventiende: 17,
  achttiende: 18,
  negentiende: 19,
  honderdste: 100,
  duizendste: 1000,
};
{
  const units = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
  const tens = ['twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig'];
  for (const [i, ten] of [...tens, 'negentig'].entries()) {
    ORDINALS[`${ten}ste`] = (i + 2) * 10;
    // "eenentwintigste", "tweeëntwintigste" (also typed "tweeentwintigste").
    for (const [u, unit] of units.entries())
      for (const and of ['en', 'ën']) ORDINALS[`${unit}${and}${ten}ste`] = (i + 2) * 10 + u + 1;
  }
}
const ORDINAL = `(${alternation(Object.keys(ORDINALS))})`;
const FRACTIONS = alternation(
  Object.keys(ORDINALS).filter((w) => w !== 'eerste' && w !== 'tweede'),
);
const ordinalValue = (m: RegExpExecArray): number | undefined =>
  ORDINALS[(m[1] as string).toLowerCase()];

/**
 * Dutch ordinals in the English the ordinal recognizer reads ("de derde" → "de 3rd", "de 3e
 * klas" → "de 3rd klas"). Fractions are no positions: "twee derde", and "een derde" before
 * "van" or alone ("een derde van de prijs"; "een tweede kans" is one). "eerst" (first, the
 * adverb) has no ending and is none either.
 */
export const DUTCH_ORDINALS: readonly RewriteRule[] = [
  keepRule(`${WORD_START}(?:${NUMBERS.pattern}|\\d+)\\s+(?:${FRACTIONS})${WORD_END}`),
  keepRule(
    `${WORD_START}een\\s+(?:${FRACTIONS})(?=\\s+(?:van|deel)${WORD_END}|\\s*(?:[.,;:!?]|$))`,
  ),
  ordinalRule(`${WORD_START}${ORDINAL}${WORD_END}`, ordinalValue),
  ordinalRule(`${WORD_START}(\\d{1,3})(?:ste|de|e)${WORD_END}`, (m) => Number(m[1])),
];

/** Rules, tried in this order at each position; see `rewriteText`. */
export const DUTCH_TO_ENGLISH: readonly RewriteRule[] = [
  {
    // "een uur", "een week": the article is one before a unit.
    pattern: `(?<![\\p{L}])een(?=\\s+(?:dag|week|maand|jaar|uur|minuut|seconde)(?![\\p{L}]))`,
    replace: () => '1',
  },
  {
    // "de 28ste", "op 3e": the day of the month.
    pattern: '(?<![\\p{L}\\p{N}])(\\d{1,2})(?:ste|de|e)(?![\\p{L}\\p{N}])',
    replace: (m) => `on the ${ordinalSuffix(Number(m[1]))}`,
  },
  // "de eerste mei": a day of the month said as an ordinal, before the month.
  ordinalRule(
    `${WORD_START}${ORDINAL}(?=\\s+(?:${alternation(Object.keys(MONTHS))})${WORD_END})`,
    ordinalValue,
  ),
  // Greetings are not dates.
  { pattern: '(?<![\\p{L}])goede(?:n)?\\s*morgen(?![\\p{L}])', replace: (m) => m[0] },
  {
    // "half negen": half an hour before nine.
    pattern: `(?<![\\p{L}])half\\s+(${N})(?![\\p{L}\\p{N}])`,
    replace: (m) => halfBefore(amount(NUMBERS, m[1])) ?? m[0],
  },
  {
    // "kwart over 8", "kwart voor 9", "tien over half negen" is left to the words.
    pattern: `(?<![\\p{L}])kwart\\s+(over|voor)\\s+(${N})(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[2]);
      if (hour === undefined) return m[0];
      return (
        (m[1]?.toLowerCase() === 'over' ? clock(hour, 15) : clock((hour + 23) % 24, 45)) ?? m[0]
      );
    },
  },
  {
    // "8 uur", "acht uur 's avonds", "20.30 uur": a clock time, not a duration, after "om".
    pattern: `(?<=om\\s+)(${N})(?:[:.](\\d{2}))?(?:\\s*uur)?(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[1]);
      if (m[2] !== undefined) return clock(hour, Number(m[2])) ?? m[0];
      return hour === undefined || hour > 24
        ? m[0]
        : /uur$/i.test(m[0])
          ? `${hour} o'clock`
          : `${hour}`;
    },
  },
  {
    // "zaterdagavond", "maandagochtend": a weekday and a part of it in one word.
    pattern: `(?<![\\p{L}])(${alternation(Object.keys(WEEKDAYS))})(ochtend|morgen|middag|avond|nacht)(?![\\p{L}])`,
    replace: (m) =>
      `${WEEKDAYS[(m[1] as string).toLowerCase()]} ${PARTS[(m[2] as string).toLowerCase()]}`,
  },
  {
    pattern: `(?<![\\p{L}\\p{N}])(\\d{1,2})[:.](\\d{2})\\s*uur(?![\\p{L}])`,
    replace: (m) => clock(Number(m[1]), Number(m[2])) ?? m[0],
  },
  {
    // "over 3 dagen": in three days ("over" alone is "about").
    pattern: `(?<![\\p{L}])over(?=\\s+(?:\\d+|een|${NUMBERS.pattern})\\s+(?:dag|dagen|week|weken|maand|maanden|jaar|uur|uren|minuut|minuten|seconde|seconden)(?![\\p{L}]))`,
    replace: () => 'in',
  },
  {
    // "3 dagen geleden": three days ago.
    pattern: `(?<=(?:dag|dagen|week|weken|maand|maanden|jaar|uur|minuten)\\s+)geleden(?![\\p{L}])`,
    replace: () => 'ago',
  },
  ...dayFirstDateRules(),
  ...decimalCommaRules(),
  numeralRule(NUMBERS, ['een']),
  ...wordRules(WORDS),
];
