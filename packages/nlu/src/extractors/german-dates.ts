import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';
import {
  alternation,
  amount,
  clock,
  ENGLISH_MONTHS,
  numeral,
  numeralRule,
  ordinalRule,
  WORD_END,
  WORD_START,
} from './english-rewrite.js';

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
  diesem: 'this',
  frühling: 'spring',
  frühjahr: 'spring',
  sommer: 'summer',
  herbst: 'fall',
  winter: 'winter',
  um: 'at',
  am: 'on',
  im: 'in',
  in: 'in',
  ab: 'from',
  von: 'from',
  bis: 'to',
  für: 'for',
  prozent: 'percent',
  ...GERMAN_MONTHS,
};

/** The units before "und" in a compound ("einundzwanzig"; "ein" alone is the article). */
const UNITS: Record<string, number> = {
  ein: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
};

/** The tens, alone and in compounds ("einundzwanzig", "einundzwanzigste"). */
const TENS: Record<string, number> = {
  zwanzig: 20,
  dreißig: 30,
  dreissig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};

/**
 * Cardinals in words, written as one word with "und" between units and tens
 * ("einundzwanzig", "fünfhundertzwanzig"); "ein" alone is the article.
 */
const NUMBERS = numeral({
  add: {
    null: 0,
    ...UNITS,
    eins: 1,
    zwo: 2,
    zehn: 10,
    elf: 11,
    zwölf: 12,
    dreizehn: 13,
    vierzehn: 14,
    fünfzehn: 15,
    sechzehn: 16,
    siebzehn: 17,
    achtzehn: 18,
    neunzehn: 19,
    ...TENS,
  },
  times: { hundert: 100, tausend: 1000 },
  between: '(?:und)?',
});

/** Minutes in words from ten on ("acht Uhr dreißig"); "acht Uhr zwei Karten" are two tickets. */
const MINUTES = `(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig|dreissig|vierzig|fünfzig)|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn`;

/** An hour in the English the recognizer reads: "0 Uhr" is midnight, which "0 o'clock" is not. */
const hourOf = (hour: number | undefined): string | undefined =>
  hour === undefined || hour > 24 ? undefined : hour % 24 === 0 ? 'midnight' : `${hour} o'clock`;

/** Ordinal stems: up to 19 the cardinal and "-t", from 20 "-st", compounds with "und". */
const ORDINAL_STEMS: Record<string, number> = {
  erst: 1,
  zweit: 2,
  dritt: 3,
  viert: 4,
  fünft: 5,
  sechst: 6,
  siebt: 7,
  siebent: 7,
  acht: 8,
  neunt: 9,
  zehnt: 10,
  elft: 11,
  zwölft: 12,
  dreizehnt: 13,
  vierzehnt: 14,
  fünfzehnt: 15,
  sechzehnt: 16,
  siebzehnt: 17,
  achtzehnt: 18,
  neunzehnt: 19,
  hundertst: 100,
};
for (const [ten, t] of Object.entries(TENS)) {
  ORDINAL_STEMS[`${ten}st`] = t;
  for (const [unit, u] of Object.entries(UNITS)) ORDINAL_STEMS[`${unit}und${ten}st`] = t + u;
}
/** The adjective endings an ordinal always has: "der dritte", "den ersten", "ein zweites". */
const ENDING = '(?:e|en|er|es|em)';
/**
 * Articles, their contractions and the determiners before an ordinal: "achten" (to respect),
 * "achte" (respect!) are ordinals only after one ("den achten", "am achten").
 */
const DETERMINER =
  '(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|am|im|zum|zur|vom|beim|ins|jede[nmrs]?|diese[nmrs]?|(?:mein|dein|sein|ihr|unser|euer|eur)(?:e[nmrs]?)?)';
const AFTER_DETERMINER = `(?<=${WORD_START}${DETERMINER}\\s+)`;
const STEM = `(${alternation(Object.keys(ORDINAL_STEMS).filter((s) => s !== 'acht'))})`;
const ORDINAL = `(?:${STEM}|${AFTER_DETERMINER}(acht))${ENDING}`;
const ordinalValue = (m: RegExpExecArray): number | undefined =>
  ORDINAL_STEMS[((m[1] ?? m[2]) as string).toLowerCase()];

/**
 * German ordinals in the English the ordinal recognizer reads ("der dritte" → "der 3rd", "den
 * 3. Platz" → "den 3rd Platz"): words with their endings, and digits with the ordinal dot
 * after an article ("am 3." yes, the "3." ending a sentence no). "erstens" and "zu dritt" are
 * no positions; "achten" counts only after a determiner. Read by the ordinal recognizer alone:
 * the date-time model takes "im 3rd" for a day of the month ("im dritten Stock" is a floor).
 */
export const GERMAN_ORDINALS: readonly RewriteRule[] = [
  ordinalRule(`${WORD_START}${ORDINAL}${WORD_END}`, ordinalValue),
  ordinalRule(`${AFTER_DETERMINER}(\\d{1,3})\\.(?![\\d.])`, (m) => Number(m[1])),
];

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
  // "am zweiten Mai", "der erste Mai": a day of the month said as an ordinal, before the month
  // or alone after "am" ("am dritten um 8"; "am dritten Tag" is no date).
  ordinalRule(`${WORD_START}${ORDINAL}(?=\\s+(?:${MONTH_NAMES})${WORD_END})`, ordinalValue),
  ordinalRule(
    `(?<=${WORD_START}am\\s+)${ORDINAL}(?=\\s*(?:$|[,;!?]|\\.(?!\\p{L})|um${WORD_END}|des\\s+monats${WORD_END}))`,
    ordinalValue,
  ),
  // "3. Mai": the ordinal dot before a month.
  { pattern: `(\\d{1,2})\\.(?=\\s*(?:${MONTH_NAMES}))`, replace: (m) => m[1] as string },
  // "8 Uhr 30", "20:30 Uhr", "8 Uhr", "0 Uhr".
  { pattern: '(\\d{1,2})\\s*uhr\\s*(\\d{2})(?!\\d)', replace: (m) => `${m[1]}:${m[2]}` },
  { pattern: '(\\d{1,2}:\\d{2})\\s*uhr', replace: (m) => m[1] as string },
  { pattern: '(\\d{1,2})\\s*uhr', replace: (m) => hourOf(Number(m[1])) ?? m[0] },
  {
    // "sieben Uhr", "acht Uhr dreißig": the hour in words; minutes in words from ten on, so
    // "um acht Uhr zwei Karten" keeps its tickets.
    pattern: `${WORD_START}(${NUMBERS.pattern})\\s+uhr(?:\\s+(${MINUTES})${WORD_END})?`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[1]);
      const said = m[2] ? clock(hour, amount(NUMBERS, m[2])) : hourOf(hour);
      return said ?? m[0];
    },
  },
  {
    // "elfeinhalb Jahre", "anderthalb Stunden": and a half.
    pattern: `${WORD_START}(?:(${NUMBERS.pattern})einhalb|(anderthalb))${WORD_END}`,
    replace: (m) => {
      const n = m[2] ? 1 : amount(NUMBERS, m[1]);
      return n === undefined ? m[0] : `${n}.5`;
    },
  },
  {
    // "halb 9" is half an hour before nine.
    pattern: 'halb\\s+(\\d{1,2})(?!\\d)',
    replace: (m) => `${(Number(m[1]) + 11) % 12 || 12}:30`,
  },
  // Decimal commas: "3,50 €" is three euros fifty.
  { pattern: '(?<![\\d.,])(\\d+),(\\d{1,2})(?![\\d,])', replace: (m) => `${m[1]}.${m[2]}` },
  numeralRule(NUMBERS, ['ein']),
  ...wordRules(WORDS),
];
