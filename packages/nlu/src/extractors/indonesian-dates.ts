import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  decimalCommaRules,
  halfBefore,
  keepRule,
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
  maret: 'march',
  april: 'april',
  mei: 'may',
  juni: 'june',
  juli: 'july',
  agustus: 'august',
  september: 'september',
  oktober: 'october',
  november: 'november',
  desember: 'december',
};

const WEEKDAYS: Record<string, string> = {
  senin: 'monday',
  selasa: 'tuesday',
  rabu: 'wednesday',
  kamis: 'thursday',
  jumat: 'friday',
  "jum'at": 'friday',
  sabtu: 'saturday',
  minggu: 'sunday',
  ahad: 'sunday',
};

const NUMBERS = numeral({
  add: {
    satu: 1,
    dua: 2,
    tiga: 3,
    empat: 4,
    lima: 5,
    enam: 6,
    tujuh: 7,
    delapan: 8,
    sembilan: 9,
    sepuluh: 10,
    sebelas: 11,
    // "dua belas": two and ten.
    belas: 10,
  },
  times: { puluh: 10, seratus: 100, ratus: 100, seribu: 1000, ribu: 1000, sejuta: 1e6, juta: 1e6 },
  between: '\\s+',
});
const N = `\\d{1,2}|${NUMBERS.pattern}`;
const UNITS: Record<string, [string, string]> = {
  hari: ['day', 'days'],
  minggu: ['week', 'weeks'],
  pekan: ['week', 'weeks'],
  bulan: ['month', 'months'],
  tahun: ['year', 'years'],
  jam: ['hour', 'hours'],
  menit: ['minute', 'minutes'],
  detik: ['second', 'seconds'],
};
const UNIT = alternation(Object.keys(UNITS));
const PARTS: Record<string, string> = {
  pagi: 'in the morning',
  siang: 'in the afternoon',
  sore: 'in the afternoon',
  malam: 'in the evening',
};

/**
 * Indonesian date, time, number and money words in the English the recognizer reads ("besok
 * jam 8 pagi" → "tomorrow at 8 in the morning", "jumat depan" → "next friday", "Rp 50.000" →
 * "50000 rupiah"). Recognizers-Text has no Indonesian model in JavaScript. "minggu" is Sunday
 * after "hari" or alone, and a week after a number or before "depan", "lalu", "ini".
 */
const WORDS: Record<string, string> = {
  'hari ini': 'today',
  besok: 'tomorrow',
  esok: 'tomorrow',
  lusa: 'the day after tomorrow',
  kemarin: 'yesterday',
  'kemarin lusa': 'the day before yesterday',
  sekarang: 'now',
  'sepanjang hari': 'all day',
  seharian: 'all day',
  'nanti malam': 'tonight',
  'malam ini': 'tonight',
  'pagi ini': 'this morning',
  'sore ini': 'this afternoon',
  'besok pagi': 'tomorrow morning',
  'besok malam': 'tomorrow evening',
  'tengah hari': 'noon',
  'tengah malam': 'midnight',
  'akhir pekan': 'weekend',
  pagi: 'morning',
  siang: 'afternoon',
  sore: 'afternoon',
  malam: 'evening',
  persen: 'percent',
  rupiah: 'rupiah',
  ...MONTHS,
  ...WEEKDAYS,
};

/** "ketiga", "ke-3", "kedua puluh satu": "ke-" and a numeral, joined, hyphenated or (digits) apart. */
const KE_WORD = `ke-?(${NUMBERS.pattern})`;
/**
 * What may follow "kedua" (second; both) when it is an ordinal: nothing, a pronoun, a
 * demonstrative, a preposition, "kali" (time). Before a noun it is "both", "all three"
 * ("kedua orang tua", both parents; "ketiga anak itu", the three children); "anak kedua" (the
 * second child) puts the ordinal after the noun.
 */
const ORDINAL_FOLLOWS =
  '(?:ini|itu|saya|aku|kami|kita|kamu|anda|mereka|dia|beliau|dari|di|ke|pada|untuk|yang|dan|atau|kali|kalinya|lagi|saja|juga|ya|dong|sih|nih|deh|adalah|akan|sudah|belum|mana)';
const AS_ORDINAL = `(?!\\s+(?!${ORDINAL_FOLLOWS}${WORD_END})\\p{L})`;

/**
 * Indonesian ordinals in the English the ordinal recognizer reads ("yang ketiga" → "yang 3rd",
 * "lantai ke-3" → "lantai 3rd", "pertama"). "keduanya" (both of them) and "pertama-tama" (first
 * of all) are none.
 */
export const INDONESIAN_ORDINALS: readonly RewriteRule[] = [
  ordinalRule(`${WORD_START}${KE_WORD}${WORD_END}${AS_ORDINAL}`, (m) =>
    NUMBERS.value(m[1] as string),
  ),
  ordinalRule(`${WORD_START}ke-(\\d{1,3})${WORD_END}`, (m) => Number(m[1])),
  ordinalRule(`${WORD_START}ke\\s?(\\d{1,3})${WORD_END}${AS_ORDINAL}`, (m) => Number(m[1])),
  ordinalRule(`${WORD_START}pertama${WORD_END}(?!-)`, () => 1),
];

/** Rules, tried in this order at each position; see `rewriteText`. */
export const INDONESIAN_TO_ENGLISH: readonly RewriteRule[] = [
  // "hari Senin", "hari minggu": the day; "hari" would otherwise read as "day".
  {
    pattern: `(?<![\\p{L}])hari(?=\\s+(?:${alternation(Object.keys(WEEKDAYS))})(?![\\p{L}]))`,
    replace: () => 'on',
  },
  {
    // "jam 8", "pukul 20.30", "jam setengah 9": "at", then the hour.
    pattern: `(?<![\\p{L}])(?:jam|pukul)(?=\\s+(?:setengah\\s+)?(?:${N})(?:[:.]\\d{2})?(?![\\p{L}\\p{N}]))`,
    replace: () => 'at',
  },
  {
    pattern: `(?<=(?<![\\p{L}])(?:jam|pukul)\\s+)(setengah\\s+)?(${N})(?:[:.](\\d{2}))?(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[2]);
      const t = m[1]
        ? halfBefore(hour)
        : m[3] !== undefined
          ? clock(hour, Number(m[3]))
          : hour === undefined || hour > 24
            ? undefined
            : String(hour);
      return t ?? m[0];
    },
  },
  {
    // "jam 8 pagi", "jam 3 sore": the part of the day after the hour.
    pattern: `(?<=(?<![\\p{L}])(?:jam|pukul)\\s+(?:setengah\\s+)?(?:${N})(?:[:.]\\d{2})?\\s+)(pagi|siang|sore|malam)(?![\\p{L}])`,
    replace: (m) => PARTS[(m[1] as string).toLowerCase()] ?? m[0],
  },
  {
    // "3 hari lagi": so many days from now; "3 hari yang lalu": ago; "3 hari": a duration.
    pattern: `(?<=(?<![\\p{L}\\p{N}])(\\d+|${NUMBERS.pattern})\\s+)(${UNIT})(?:\\s+(lagi|(?:yang\\s+)?lalu))?(?![\\p{L}])`,
    replace: (m) => {
      const n = amount(NUMBERS, m[1]);
      const unit = UNITS[(m[2] as string).toLowerCase()];
      if (n === undefined || !unit) return m[0];
      const word = n === 1 ? unit[0] : unit[1];
      const when = m[3]?.toLowerCase();
      return when === 'lagi' ? `${word} from now` : when ? `${word} ago` : word;
    },
  },
  {
    // "dalam 3 hari": in so many days.
    pattern: `(?<![\\p{L}])dalam(?=\\s+(?:\\d+|${NUMBERS.pattern})\\s+(?:${UNIT})(?![\\p{L}]))`,
    replace: () => 'in',
  },
  {
    // "jumat depan", "minggu lalu", "bulan ini": next / last / this after the noun.
    pattern: `(?<![\\p{L}])(${alternation([...Object.keys(WEEKDAYS), 'pekan', 'bulan', 'tahun'])})\\s+(depan|lalu|ini|yang\\s+lalu)(?![\\p{L}])`,
    replace: (m) => {
      const noun = (m[1] as string).toLowerCase();
      const english =
        noun === 'minggu' || noun === 'pekan'
          ? 'week'
          : (WEEKDAYS[noun] ?? UNITS[noun]?.[0] ?? noun);
      const when = (m[2] as string).toLowerCase();
      return `${when === 'depan' ? 'next' : when === 'ini' ? 'this' : 'last'} ${english}`;
    },
  },
  {
    // "Rp 50.000", "Rp50.000,00", "IDR 50000": the amount, then the currency.
    pattern:
      '(?<![\\p{L}])(?:rp\\.?|idr)\\s*(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d{1,2}))?(?![\\d.,])',
    replace: (m) =>
      `${(m[1] as string).replace(/\./g, '')}${m[2] && m[2] !== '00' ? `.${m[2]}` : ''} rupiah`,
  },
  {
    // "50 ribu", "1,5 juta": digits and a multiplier word.
    pattern: '(?<![\\d.,])(\\d+)(?:,(\\d+))?\\s+(ribu|juta)(?![\\p{L}])',
    replace: (m) =>
      String(
        Number(`${m[1]}.${m[2] ?? '0'}`) * ((m[3] as string).toLowerCase() === 'ribu' ? 1000 : 1e6),
      ),
  },
  // "tanggal 3 Mei": the day before the month reads as is.
  { pattern: '(?<![\\p{L}])tanggal(?=\\s+\\d)', replace: () => 'on' },
  // "kedua puluh satu" is an ordinal: no number "puluh satu" in it.
  keepRule(`${WORD_START}${KE_WORD}${WORD_END}`),
  ...dayFirstDateRules(),
  ...decimalCommaRules(),
  numeralRule(NUMBERS),
  ...wordRules(WORDS),
];
