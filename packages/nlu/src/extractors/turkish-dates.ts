import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  decimalCommaRules,
  inflectedRules,
  keepRule,
  numeral,
  numeralRule,
  ordinalRule,
  ordinalSuffix,
  WORD_END,
  WORD_START,
} from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

const MONTHS: Record<string, string> = {
  ocak: 'january',
  şubat: 'february',
  mart: 'march',
  nisan: 'april',
  mayıs: 'may',
  haziran: 'june',
  temmuz: 'july',
  ağustos: 'august',
  eylül: 'september',
  ekim: 'october',
  kasım: 'november',
  aralık: 'december',
};

const WEEKDAYS: Record<string, string> = {
  pazartesi: 'monday',
  salı: 'tuesday',
  çarşamba: 'wednesday',
  perşembe: 'thursday',
  cuma: 'friday',
  cumartesi: 'saturday',
  pazar: 'sunday',
};

/**
 * The case endings and the possessive a Turkish date word takes ("yarına", "cumaya",
 * "pazartesi günü", "mayısta", "akşamı"), with or without the apostrophe of a proper noun:
 * the English word reads the same for all of them.
 */
const CASE = "'?(?:n?[ıiuü]n|y?[ae]|[dt][ae]n?|y?[ıiuü]|s[ıi]|[dt][ae]ki|l[ae]r[ıi]?)";
const DAY_SUFFIX = `(?:\\s+günü(?:${CASE})?|${CASE})`;

// "bir" is the article "a" as often as it is one; "yüz" is also "face".
/** The tens, which the cardinals and the ordinals share. */
const TENS: Record<string, number> = {
  on: 10,
  yirmi: 20,
  otuz: 30,
  kırk: 40,
  elli: 50,
  altmış: 60,
  yetmiş: 70,
  seksen: 80,
  doksan: 90,
};
const NUMBERS = numeral({
  add: {
    bir: 1,
    iki: 2,
    üç: 3,
    dört: 4,
    beş: 5,
    altı: 6,
    yedi: 7,
    sekiz: 8,
    dokuz: 9,
    ...TENS,
  },
  times: { yüz: 100, bin: 1000, milyon: 1e6 },
  between: '\\s+',
});
const N = `\\d{1,2}|${NUMBERS.pattern}`;
/** The case ending of a number ("sekizde", "8'de", "üçe", "beşten"). */
const NUMBER_CASE = "'?(?:[dt][ae]n?|y?[ae])";
/** The parts of the day before a clock time ("sabah 6'ya": at 6 in the morning). */
const DAY_PART = '(?:sabah|akşam|gece|öğleden\\s+sonra|öğlen|öğle)';
const UNITS: Record<string, [string, string]> = {
  gün: ['day', 'days'],
  hafta: ['week', 'weeks'],
  ay: ['month', 'months'],
  yıl: ['year', 'years'],
  sene: ['year', 'years'],
  saat: ['hour', 'hours'],
  dakika: ['minute', 'minutes'],
  saniye: ['second', 'seconds'],
};
const UNIT = alternation(Object.keys(UNITS));

/**
 * Turkish date, time, number and money words in the English the recognizer reads ("yarın saat
 * 8'de" → "tomorrow at 8", "gelecek cuma" → "next friday", "3 mayısta" → "3 may", "100 lira" →
 * "100 turkish lira"). Recognizers-Text has no Turkish model in JavaScript. The days and months
 * are read with their case endings; "ekim", "ocak" and "aralık" are also ordinary nouns, so the
 * months are read only after a day of the month.
 */
/** Seasons, read after "bu", "gelecek"… ("bu kış"): "yaz" alone is also "write!". */
const SEASONS: Record<string, string> = {
  kış: 'winter',
  yaz: 'summer',
  ilkbahar: 'spring',
  bahar: 'spring',
  sonbahar: 'fall',
};

const WORDS: Record<string, string> = {
  şimdi: 'now',
  'şu anda': 'now',
  'şu an': 'now',
  bugun: 'today',
  'tüm gün': 'all day',
  'bütün gün': 'all day',
  hemen: 'now',
  'bu akşam': 'this evening',
  'bu gece': 'tonight',
  'bu sabah': 'this morning',
  'bu öğleden sonra': 'this afternoon',
  'yarın sabah': 'tomorrow morning',
  'yarın akşam': 'tomorrow evening',
  'öğleden sonra': 'in the afternoon',
  sabahleyin: 'in the morning',
  akşamleyin: 'in the evening',
  geceleyin: 'at night',
  öğlen: 'noon',
  öğle: 'noon',
  'gece yarısı': 'midnight',
  'hafta sonu': 'weekend',
  haftasonu: 'weekend',
  yüzde: 'percent',
  kuruş: 'cents',
  liras: 'turkish lira',
  lira: 'turkish lira',
};

/** Ordinals: the cardinal and -(ı/i/u/ü)ncı/nci/ncu/ncü, by vowel harmony ("dört" softens). */
const UNIT_ORDINALS: Record<string, number> = {
  birinci: 1,
  ikinci: 2,
  üçüncü: 3,
  dördüncü: 4,
  beşinci: 5,
  altıncı: 6,
  yedinci: 7,
  sekizinci: 8,
  dokuzuncu: 9,
};
const TEN_ORDINALS: Record<string, number> = {
  onuncu: 10,
  yirminci: 20,
  otuzuncu: 30,
  kırkıncı: 40,
  ellinci: 50,
  altmışıncı: 60,
  yetmişinci: 70,
  sekseninci: 80,
  doksanıncı: 90,
  yüzüncü: 100,
  bininci: 1000,
};
/** Words as Turkish capitalizes them too: "İlk", "İKİNCİ" (the regex flag folds no dotted İ). */
const dotted = (pattern: string): string => pattern.replace(/i/g, '[iİ]');
const lower = (word: string): string => word.toLocaleLowerCase('tr');
/** "yirmi birinci": the tens a cardinal, the unit an ordinal, then any case or possessive. */
const COMPOUND = `(?:(${dotted(alternation(Object.keys(TENS)))})\\s+)?(${dotted(alternation(Object.keys(UNIT_ORDINALS)))})`;
const ORDINAL = `(?:${COMPOUND}|(${dotted(alternation(Object.keys(TEN_ORDINALS)))}))\\p{L}*`;
function ordinalValue(m: RegExpExecArray): number | undefined {
  if (m[3]) return TEN_ORDINALS[lower(m[3])];
  const unit = UNIT_ORDINALS[lower(m[2] as string)];
  const tens = m[1] ? TENS[lower(m[1])] : 0;
  return unit === undefined || tens === undefined ? undefined : tens + unit;
}

/**
 * Turkish ordinals with their case endings and possessives in the English the ordinal
 * recognizer reads ("üçüncüsü" → "3rd", "yirmi birinci" → "21st", "3'üncü", "ilk"). "ilk" only
 * alone or with its endings ("ilkbahar" is spring, "ilkokul" primary school); "3." only before a
 * word in lower case ("3. kat", the third floor; "saat 3. Sonra" ends a sentence).
 */
export const TURKISH_ORDINALS: readonly RewriteRule[] = [
  ordinalRule(`${WORD_START}${ORDINAL}`, ordinalValue),
  ordinalRule(
    `${WORD_START}[iİ]lk(?:i|ini|ine|inde|inden|inin|ler|leri|lerini|lerinden)?${WORD_END}`,
    () => 1,
  ),
  ordinalRule(`${WORD_START}(\\d{1,3})['’]?(?:[ıiuü]?nc[ıiuü])\\p{L}*`, (m) => Number(m[1])),
  ordinalRule(`(?<![\\p{L}\\p{N}.])(\\d{1,3})\\.(?=\\s+\\p{L})`, (m) => {
    const next = m.input
      .slice(m.index + m[0].length)
      .trimStart()
      .charAt(0);
    return next !== next.toLocaleUpperCase('tr') ? Number(m[1]) : undefined;
  }),
];

/** Rules, tried in this order at each position; see `rewriteText`. */
export const TURKISH_TO_ENGLISH: readonly RewriteRule[] = [
  {
    // "saat 8'de", "saat sekizde", "saat 20.30'da", "saat 8 buçukta": "at", then the hour.
    pattern: `(?<![\\p{L}])saat(?=\\s+(?:${N})(?:[:.]\\d{2})?(?:\\s+buçuk)?(?:${NUMBER_CASE})?(?![\\p{L}\\p{N}]))`,
    replace: () => 'at',
  },
  {
    pattern: `(?<=(?<![\\p{L}])saat\\s+)(${N})(?:[:.](\\d{2}))?(?:\\s+(buçuk))?(?:${NUMBER_CASE})?(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[1]);
      if (m[3] || m[2] !== undefined) return clock(hour, m[3] ? 30 : Number(m[2])) ?? m[0];
      if (hour === 0) return 'midnight';
      return hour === undefined || hour > 24 ? m[0] : String(hour);
    },
  },
  {
    // "8'de", "20:30'da" without "saat": the apostrophe makes it a clock time; so do the
    // other cases after a part of the day ("sabah 6'ya", "akşam 7:20'ye", "5:30'dan").
    pattern: `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:[:.](\\d{2}))?'(?:([dt][ae])|(?<=${DAY_PART}\\s+\\d{1,2}(?:[:.]\\d{2})?')(?:[dt][ae]n|y?[ae]))(?![\\p{L}])`,
    replace: (m) => {
      const t = clock(Number(m[1]), m[2] === undefined ? 0 : Number(m[2]));
      if (t === undefined) return m[0];
      // "0'da": the recognizer reads no hour 0, but midnight.
      const at = t === '0:00' ? 'midnight' : m[2] === undefined ? (m[1] as string) : t;
      return m[3] ? `at ${at}` : at;
    },
  },
  {
    // "1995'ten", "2037'de": a year or another number with its case ending, which the
    // recognizer would read as English ("ten").
    pattern: `(?<![\\p{L}\\p{N}])(\\d{3,})'${CASE.slice(2)}(?![\\p{L}])`,
    replace: (m) => m[1] as string,
  },
  {
    // "3 gün sonra", "iki hafta içinde": so many days from now; "3 gün önce": ago; "3 gün": a
    // duration. The number before is read by the numeral rule.
    pattern: `(?<=(?<![\\p{L}\\p{N}])(\\d+|${NUMBERS.pattern})\\s+)(${UNIT})(?:${NUMBER_CASE})?(?:\\s+(sonra|içinde|önce))?(?![\\p{L}])`,
    replace: (m) => {
      const n = amount(NUMBERS, m[1]);
      const unit = UNITS[(m[2] as string).toLowerCase()];
      if (n === undefined || !unit) return m[0];
      const word = n === 1 ? unit[0] : unit[1];
      const when = m[3]?.toLowerCase();
      return when === 'önce' ? `${word} ago` : when ? `${word} from now` : word;
    },
  },
  // "bir saat", "bir gün sonra": "bir" is one before a unit, else the article.
  { pattern: `(?<![\\p{L}])bir(?=\\s+(?:${UNIT})(?![\\p{L}]))`, replace: () => '1' },
  {
    // "3 mayıs", "3 mayısta", "24 aralık 2026": the month after a day of the month.
    pattern: `(?<=(?<![\\p{L}\\p{N}])\\d{1,2}\\s+)(${alternation(Object.keys(MONTHS))})(?:${CASE})?(?![\\p{L}\\p{N}])`,
    replace: (m) => MONTHS[(m[1] as string).toLowerCase()] ?? m[0],
  },
  {
    // "Kasım'da", "eylülde": a month alone, when the apostrophe of a proper noun or the name
    // (not "ekim", "ocak", "aralık", "mart", ordinary nouns too) says so.
    pattern: `(?<![\\p{L}])(?:(${alternation(Object.keys(MONTHS))})'(?:${CASE})|(şubat|nisan|mayıs|haziran|temmuz|ağustos|eylül|kasım)(?:${CASE})?)(?![\\p{L}\\p{N}])`,
    replace: (m) => MONTHS[((m[1] ?? m[2]) as string).toLowerCase()] ?? m[0],
  },
  {
    // "28'inde", "3'ünde": the day of the month.
    pattern: "(?<![\\p{L}\\p{N}])(\\d{1,2})'(?:[ıiuü]n[dt][ae]|[ıiuü]nc[ıiuü])(?![\\p{L}])",
    replace: (m) => `on the ${ordinalSuffix(Number(m[1]))}`,
  },
  {
    // "gelecek cuma", "önümüzdeki hafta", "geçen ay", "bu cuma": next / last / this.
    pattern: `(?<![\\p{L}])(gelecek|önümüzdeki|geçen|geçtiğimiz|bu)\\s+(?=(?:${alternation([...Object.keys(WEEKDAYS), 'hafta', 'ay', 'yıl', 'sene', ...Object.keys(SEASONS)])}))`,
    replace: (m) => {
      const w = (m[1] as string).toLowerCase();
      return w === 'bu' ? 'this ' : w.startsWith('geç') ? 'last ' : 'next ';
    },
  },
  ...inflectedRules(
    { hafta: 'week', ay: 'month', yıl: 'year', sene: 'year', ...SEASONS },
    "'?(?:y[ae]|[dt][ae]|n[ıi]n|s[ıi]|[dt]?[ae]ki|ki)",
  ).map((r) => ({
    // Only after the modifier just read ("gelecek hafta"), else "ay" (moon) and "yıl" pass as words.
    ...r,
    pattern: `(?<=(?:gelecek|önümüzdeki|geçen|geçtiğimiz|bu)\\s+)${r.pattern}`,
  })),
  // "haftaya": next week.
  { pattern: '(?<![\\p{L}])haftaya(?![\\p{L}])', replace: () => 'next week' },
  {
    // "yarından sonra", "öbür gün": the day after tomorrow.
    pattern: '(?<![\\p{L}])(?:yarından\\s+sonra|öbür\\s+gün|ertesi\\s+gün)(?:[üu]n?)?(?![\\p{L}])',
    replace: () => 'the day after tomorrow',
  },
  ...inflectedRules(
    {
      bugün: 'today',
      yarın: 'tomorrow',
      dün: 'yesterday',
      sabah: 'morning',
      akşam: 'evening',
      gece: 'night',
      ...WEEKDAYS,
    },
    // "yarın" takes "-a"/"-da"/"-ki", "bugün" "-e"/"-kü": the case endings and "-kü".
    `${DAY_SUFFIX}|'?k[iü]|ü`,
  ),
  {
    // "yüzde 20": per cent before the number.
    pattern: `(?<![\\p{L}])yüzde\\s+(\\d+(?:[.,]\\d+)?|${NUMBERS.pattern})(?![\\p{L}\\p{N}])`,
    replace: (m) =>
      `${String(amount(NUMBERS, m[1]) ?? (m[1] as string).replace(',', '.'))} percent`,
  },
  // "TL", "₺" and "TRY" the recognizer knows; "lira" alone it does not.
  // "yirmi birinci" is an ordinal: its tens are no number of their own.
  keepRule(
    `${WORD_START}(?:${alternation(Object.keys(TENS))})\\s+(?:${alternation(Object.keys(UNIT_ORDINALS))})\\p{L}*`,
  ),
  ...dayFirstDateRules(),
  ...decimalCommaRules(),
  numeralRule(NUMBERS, ['bir', 'yüz']),
  ...wordRules(WORDS),
];
