import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';
import { ENGLISH_MONTHS } from './english-rewrite.js';

const GERMAN_MONTHS: Record<string, string> = {
  januar: 'january',
  jänner: 'january',
  februar: 'february',
  märz: 'march',
  april: 'april',
  mai: 'may',
  juni: 'june',
  juli: 'july',
  august: 'august',
  september: 'september',
  oktober: 'october',
  november: 'november',
  dezember: 'december',
};
const MONTH_NAMES = Object.keys(GERMAN_MONTHS).join('|');

/**
 * German date, time, number and money words in the English the recognizer reads
 * ("morgen um 8" → "tomorrow at 8", "am 3. Mai" → "on 3 may", "24.12." → "24 december").
 * Recognizers-Text has no German date-time model in JavaScript; the rest of the sentence is
 * left as it is and rarely reads as an English date.
 */
const WORDS: Record<string, string> = {
  heute: 'today',
  morgen: 'tomorrow',
  übermorgen: 'the day after tomorrow',
  gestern: 'yesterday',
  vorgestern: 'the day before yesterday',
  jetzt: 'now',
  sofort: 'now',
  'heute abend': 'this evening',
  'heute morgen': 'this morning',
  'heute nacht': 'tonight',
  'morgen früh': 'tomorrow morning',
  früh: 'morning',
  morgens: 'in the morning',
  vormittag: 'morning',
  vormittags: 'in the morning',
  mittag: 'noon',
  mittags: 'at noon',
  nachmittag: 'afternoon',
  nachmittags: 'in the afternoon',
  abend: 'evening',
  abends: 'in the evening',
  nacht: 'night',
  nachts: 'at night',
  mitternacht: 'midnight',
  montag: 'monday',
  dienstag: 'tuesday',
  mittwoch: 'wednesday',
  donnerstag: 'thursday',
  freitag: 'friday',
  samstag: 'saturday',
  sonnabend: 'saturday',
  sonntag: 'sunday',
  wochenende: 'weekend',
  woche: 'week',
  wochen: 'weeks',
  tag: 'day',
  tage: 'days',
  tagen: 'days',
  monat: 'month',
  monate: 'months',
  monaten: 'months',
  jahr: 'year',
  jahre: 'years',
  jahren: 'years',
  stunde: 'hour',
  stunden: 'hours',
  minute: 'minute',
  minuten: 'minutes',
  sekunde: 'second',
  sekunden: 'seconds',
  nächste: 'next',
  nächsten: 'next',
  nächster: 'next',
  nächstes: 'next',
  kommende: 'next',
  kommenden: 'next',
  kommender: 'next',
  letzte: 'last',
  letzten: 'last',
  letzter: 'last',
  vergangene: 'last',
  vergangenen: 'last',
  diese: 'this',
  diesen: 'this',
  dieser: 'this',
  dieses: 'this',
  um: 'at',
  am: 'on',
  im: 'in',
  in: 'in',
  ab: 'from',
  von: 'from',
  bis: 'to',
  für: 'for',
  eins: '1',
  zwei: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  zehn: '10',
  elf: '11',
  zwölf: '12',
  zwanzig: '20',
  dreißig: '30',
  fünfzig: '50',
  hundert: '100',
  tausend: '1000',
  prozent: 'percent',
  ...GERMAN_MONTHS,
};

/** Rules, tried in this order at each position; see `rewriteText`. */
export const GERMAN_TO_ENGLISH: readonly RewriteRule[] = [
  {
    // 24.12.2026 / 24.12.: day and month written the German way, with or without a year.
    pattern: '(?<!\\d)(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})?(?!\\d)',
    replace: (m) => {
      const month = ENGLISH_MONTHS[Number(m[2]) - 1];
      return month ? `${Number(m[1])} ${month}${m[3] ? ` ${m[3]}` : ''}` : m[0];
    },
  },
  // "3. Mai": the ordinal dot before a month.
  { pattern: `(\\d{1,2})\\.(?=\\s*(?:${MONTH_NAMES}))`, replace: (m) => m[1] as string },
  // "8 Uhr 30", "20:30 Uhr", "8 Uhr".
  { pattern: '(\\d{1,2})\\s*uhr\\s*(\\d{2})(?!\\d)', replace: (m) => `${m[1]}:${m[2]}` },
  { pattern: '(\\d{1,2}:\\d{2})\\s*uhr', replace: (m) => m[1] as string },
  { pattern: '(\\d{1,2})\\s*uhr', replace: (m) => `${m[1]} o'clock` },
  {
    // "halb 9" is half an hour before nine.
    pattern: 'halb\\s+(\\d{1,2})(?!\\d)',
    replace: (m) => `${(Number(m[1]) + 11) % 12 || 12}:30`,
  },
  // Decimal commas: "3,50 €" is three euros fifty.
  { pattern: '(?<![\\d.,])(\\d+),(\\d{1,2})(?![\\d,])', replace: (m) => `${m[1]}.${m[2]}` },
  ...wordRules(WORDS),
];
