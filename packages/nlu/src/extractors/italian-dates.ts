import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  decimalCommaRules,
  numeral,
  numeralRule,
  ordinalRule,
  WORD_END,
  WORD_START,
} from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

const MONTHS: Record<string, string> = {
  gennaio: 'january',
  febbraio: 'february',
  marzo: 'march',
  aprile: 'april',
  maggio: 'may',
  giugno: 'june',
  luglio: 'july',
  agosto: 'august',
  settembre: 'september',
  ottobre: 'october',
  novembre: 'november',
  dicembre: 'december',
};

const WEEKDAYS: Record<string, string> = {
  lunedì: 'monday',
  lunedi: 'monday',
  martedì: 'tuesday',
  martedi: 'tuesday',
  mercoledì: 'wednesday',
  mercoledi: 'wednesday',
  giovedì: 'thursday',
  giovedi: 'thursday',
  venerdì: 'friday',
  venerdi: 'friday',
  sabato: 'saturday',
  domenica: 'sunday',
};

/** Nouns a following "prossimo" / "scorso" makes next / last ("venerdì prossimo"). */
const PERIODS: Record<string, string> = {
  ...WEEKDAYS,
  settimana: 'week',
  mese: 'month',
  anno: 'year',
  weekend: 'weekend',
  'fine settimana': 'weekend',
};

// Articles ("un", "una", "uno") and the verb "sei" (you are) are numbers only inside a numeral.
const NUMBERS = numeral({
  add: {
    uno: 1,
    un: 1,
    una: 1,
    due: 2,
    tre: 3,
    tré: 3,
    quattro: 4,
    cinque: 5,
    sei: 6,
    sette: 7,
    otto: 8,
    nove: 9,
    dieci: 10,
    undici: 11,
    dodici: 12,
    tredici: 13,
    quattordici: 14,
    quindici: 15,
    sedici: 16,
    diciassette: 17,
    diciotto: 18,
    diciannove: 19,
    venti: 20,
    vent: 20,
    trenta: 30,
    trent: 30,
    quaranta: 40,
    quarant: 40,
    cinquanta: 50,
    cinquant: 50,
    sessanta: 60,
    sessant: 60,
    settanta: 70,
    settant: 70,
    ottanta: 80,
    ottant: 80,
    novanta: 90,
    novant: 90,
  },
  times: { cento: 100, mille: 1000, mila: 1000, milione: 1e6, milioni: 1e6 },
  between: '',
});
const NOT_ALONE = ['un', 'una', 'uno', 'sei', 'vent', 'trent'];

const N = `\\d{1,2}|${NUMBERS.pattern}`;
/** "e mezza" (half past), "e un quarto", "meno un quarto" after an hour. */
const PAST = '(?:\\s+(e\\s+mezz[ao]|e\\s+un\\s+quarto|e\\s+tre\\s+quarti|meno\\s+un\\s+quarto))?';

function italianClock(
  hourText: string | undefined,
  minutes: string | undefined,
  part?: string,
): string | undefined {
  const hour = amount(NUMBERS, hourText);
  if (minutes !== undefined) return clock(hour, Number(minutes));
  const p = (part ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (p.startsWith('e mezz')) return clock(hour, 30);
  if (p === 'e un quarto') return clock(hour, 15);
  if (p === 'e tre quarti') return clock(hour, 45);
  if (p === 'meno un quarto' && hour !== undefined) return clock((hour + 23) % 24, 45);
  return hour === undefined ? undefined : String(hour);
}

/**
 * Italian date, time, number and money words in the English the recognizer reads ("domani
 * alle 8" → "tomorrow at 8", "venerdì prossimo" → "next friday", "ventitré euro" → "23 euro").
 * Recognizers-Text has no Italian model in JavaScript. "ora" is left alone: it is "now" as
 * often as it is "hour" ("che ora è?"), and "adesso" says now without doubt.
 */
const WORDS: Record<string, string> = {
  oggi: 'today',
  domani: 'tomorrow',
  dopodomani: 'the day after tomorrow',
  ieri: 'yesterday',
  'l’altro ieri': 'the day before yesterday',
  "l'altro ieri": 'the day before yesterday',
  altroieri: 'the day before yesterday',
  adesso: 'now',
  stasera: 'this evening',
  stanotte: 'tonight',
  stamattina: 'this morning',
  stamani: 'this morning',
  domattina: 'tomorrow morning',
  oggipomeriggio: 'this afternoon',
  'questo pomeriggio': 'this afternoon',
  'di mattina': 'in the morning',
  'della mattina': 'in the morning',
  'del mattino': 'in the morning',
  'di pomeriggio': 'in the afternoon',
  'del pomeriggio': 'in the afternoon',
  'di sera': 'in the evening',
  'della sera': 'in the evening',
  'di notte': 'at night',
  'della notte': 'at night',
  mattina: 'morning',
  mattino: 'morning',
  pomeriggio: 'afternoon',
  sera: 'evening',
  notte: 'night',
  mezzogiorno: 'noon',
  mezzanotte: 'midnight',
  settimana: 'week',
  settimane: 'weeks',
  giorno: 'day',
  giorni: 'days',
  mese: 'month',
  mesi: 'months',
  anno: 'year',
  anni: 'years',
  ore: 'hours',
  minuto: 'minute',
  minuti: 'minutes',
  secondo: 'second',
  secondi: 'seconds',
  'tutto il giorno': 'all day',
  'tutta la giornata': 'all day',
  'fine settimana': 'weekend',
  prossimo: 'next',
  prossima: 'next',
  scorso: 'last',
  scorsa: 'last',
  questo: 'this',
  questa: 'this',
  quest: 'this',
  centesimi: 'cents',
  centesimo: 'cent',
  'per cento': 'percent',
  percento: 'percent',
  // Before a number the English money model reads these as currencies (Sierra Leone, Romania).
  le: 'the',
  lei: 'she',
  ...MONTHS,
  ...WEEKDAYS,
};

/** Ordinal stems, the ending (-o, -a, -i, -e) left off: 1–10 their own, then cardinal + "-esimo". */
const ORDINAL_STEMS: Record<string, number> = {
  prim: 1,
  second: 2,
  terz: 3,
  quart: 4,
  quint: 5,
  sest: 6,
  settim: 7,
  ottav: 8,
  non: 9,
  decim: 10,
};
{
  const units = ['', 'uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove'];
  const teens = ['undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici'];
  const cardinals: [string, number][] = [
    ...teens.map((t, i): [string, number] => [t, 11 + i]),
    ['diciassette', 17],
    ['diciotto', 18],
    ['diciannove', 19],
  ];
  const tens = ['venti', 'trenta', 'quaranta', 'cinquanta', 'sessanta', 'settanta', 'ottanta'];
  for (const [i, ten] of [...tens, 'novanta'].entries())
    for (const [u, unit] of units.entries()) {
      // "ventuno", "ventotto": the ten drops its vowel before a vowel.
      const word = u === 0 ? ten : /^[uo]/.test(unit) ? ten.slice(0, -1) + unit : ten + unit;
      cardinals.push([word, (i + 2) * 10 + u]);
    }
  // "ventitreesimo", "ventiseiesimo" keep the last vowel; the others drop it.
  for (const [word, n] of cardinals)
    ORDINAL_STEMS[/(?:tre|sei)$/.test(word) ? `${word}esim` : `${word.slice(0, -1)}esim`] = n;
}
const ORDINAL_STEM = `(${alternation(Object.keys(ORDINAL_STEMS))})`;
/**
 * The determiners an ordinal agrees with, by its ending: "il terzo", "la terza", "i primi", "le
 * prime", "al quinto", "nella seconda". "Secondo me" (in my opinion), "prima di" (before),
 * "un quarto d'ora" (a quarter), "un secondo" (a second) and "il prima possibile" (as soon as
 * possible) have none that agrees, and are no positions.
 */
const DETERMINERS: Record<string, string> = {
  o: 'il|lo|al|allo|del|dello|nel|nello|dal|dallo|sul|sullo|col|questo|quello|quel|mio|tuo|suo|nostro|vostro',
  a: 'la|alla|della|nella|dalla|sulla|questa|quella|mia|tua|sua|nostra|vostra',
  i: 'i|gli|ai|agli|dei|degli|nei|negli|dai|dagli|sui|sugli|questi|quei|quegli|quelli|miei|tuoi|suoi|nostri|vostri',
  e: 'le|alle|delle|nelle|dalle|sulle|queste|quelle|mie|tue|sue|nostre|vostre',
};
const ordinalValue = (m: RegExpExecArray): number | undefined =>
  ORDINAL_STEMS[(m[1] as string).toLowerCase()];

/**
 * Italian ordinals in the English the ordinal recognizer reads ("il terzo" → "il 3rd", "al 3°
 * piano" → "al 3rd piano"): a word after a determiner it agrees with, or after an elided one
 * ("l'ottavo", "dell'undicesima"), and digits with "º", "°" or "ª".
 */
export const ITALIAN_ORDINALS: readonly RewriteRule[] = [
  ...Object.entries(DETERMINERS).map(([ending, determiners]) =>
    ordinalRule(
      `(?<=${WORD_START}(?:${determiners})\\s+)${ORDINAL_STEM}${ending}${WORD_END}`,
      ordinalValue,
    ),
  ),
  ordinalRule(
    `(?<=${WORD_START}(?:l|all|dell|nell|dall|sull|quest|quell)['’])${ORDINAL_STEM}[oaie]${WORD_END}`,
    ordinalValue,
  ),
  ordinalRule(`${WORD_START}(\\d{1,3})\\s?[º°ª]`, (m) => Number(m[1])),
];

/** Rules, tried in this order at each position; see `rewriteText`. */
export const ITALIAN_TO_ENGLISH: readonly RewriteRule[] = [
  {
    // "alle 8", "all'una", "dalle 9", "ore 8": "at", the hour read by the next rule.
    pattern: `(?<![\\p{L}])(?:alle|dalle|all['’]|ore)(?=\\s*(?:${N})(?:[:.]\\d{2})?(?![\\p{L}\\p{N}]))`,
    replace: (m) => (/['’]$/.test(m[0]) ? 'at ' : 'at'),
  },
  {
    // The hour after it: "otto e mezza", "20.30", "9 meno un quarto".
    pattern: `(?<=(?<![\\p{L}])(?:alle|dalle|le|all['’]|ore)\\s*)(${N})(?:[:.](\\d{2}))?${PAST}(?![\\p{L}\\p{N}])`,
    replace: (m) => italianClock(m[1], m[2], m[3]) ?? m[0],
  },
  {
    // "8 e mezza" without "alle".
    pattern: `(?<![\\p{L}\\p{N}])(\\d{1,2})\\s+(e\\s+mezz[ao]|e\\s+un\\s+quarto|meno\\s+un\\s+quarto)(?![\\p{L}])`,
    replace: (m) => italianClock(m[1], undefined, m[2]) ?? m[0],
  },
  {
    // "tra 3 giorni", "fra due settimane": in so many days.
    pattern: `(?<![\\p{L}])(?:tra|fra)(?=\\s+(?:${N}|un['’]?|una)\\s*(?:giorn|settiman|mes|ann|or|minut|second))`,
    replace: () => 'in',
  },
  {
    // "3 giorni fa": so many days ago.
    pattern: `(?<=(?:giorn[oi]|settiman[ae]|mes[ei]|ann[oi]|or[ae]|minut[oi])\\s+)fa(?![\\p{L}])`,
    replace: () => 'ago',
  },
  {
    // "venerdì prossimo", "la settimana scorsa": the modifier before the noun.
    pattern: `(?<![\\p{L}])(${alternation(Object.keys(PERIODS))})\\s+(prossim[oa]|scors[oa])(?![\\p{L}])`,
    replace: (m) =>
      `${/^p/i.test(m[2] as string) ? 'next' : 'last'} ${PERIODS[(m[1] as string).toLowerCase()] ?? m[1]}`,
  },
  // "un anno", "una settimana": the article is one before a unit.
  {
    pattern: `(?<![\\p{L}])(?:un|una)(?=\\s+(?:giorno|settimana|mese|anno|minuto|secondo)(?![\\p{L}]))`,
    replace: () => '1',
  },
  // "un'ora", "un’ora": one hour; "ora" alone is left (see WORDS).
  { pattern: `(?<![\\p{L}])un['’]ora(?![\\p{L}])`, replace: () => '1 hour' },
  {
    pattern: `(?<![\\p{L}])(\\d+|${NUMBERS.pattern})\\s+(or[ae])(?![\\p{L}])`,
    replace: (m) => {
      const n = amount(NUMBERS, m[1]);
      return n === undefined ? m[0] : `${n} ${n === 1 ? 'hour' : 'hours'}`;
    },
  },
  // "il primo maggio": the first of the month is an ordinal, the other days cardinals.
  {
    pattern: `${WORD_START}primo(?=\\s+(?:${alternation(Object.keys(MONTHS))})${WORD_END})`,
    replace: () => '1st',
  },
  // "il 3 maggio", "3 di maggio".
  {
    pattern: `(\\d{1,2})\\s+di(?=\\s+(?:${alternation(Object.keys(MONTHS))}))`,
    replace: (m) => m[1] as string,
  },
  ...dayFirstDateRules(),
  ...decimalCommaRules(),
  numeralRule(NUMBERS, NOT_ALONE),
  ...wordRules(WORDS),
];
