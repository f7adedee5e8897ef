import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  decimalCommaRules,
  keepRule,
  numeral,
  numeralRule,
  ordinalRule,
  WORD_END,
  WORD_START,
} from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

/** Stems and the case endings Russian gives them, by the English word the recognizer reads. */
type Stems = [pattern: string, english: string][];

const MONTHS: Stems = [
  ['январ[ьяе]', 'january'],
  ['феврал[ьяе]', 'february'],
  ['март[ае]?', 'march'],
  ['апрел[ьяе]', 'april'],
  ['ма[йяе]', 'may'],
  ['июн[ьяе]', 'june'],
  ['июл[ьяе]', 'july'],
  ['август[ае]?', 'august'],
  ['сентябр[ьяе]', 'september'],
  ['октябр[ьяе]', 'october'],
  ['ноябр[ьяе]', 'november'],
  ['декабр[ьяе]', 'december'],
];
const WEEKDAYS: Stems = [
  ['понедельник(?:а|у|ом)?', 'monday'],
  ['вторник(?:а|у|ом)?', 'tuesday'],
  // "среда" is also the environment: alone only "в среду" (on Wednesday) is the day.
  ['среду', 'wednesday'],
  ['четверг(?:а|у|ом)?', 'thursday'],
  ['пятниц[аеуы]', 'friday'],
  ['суббот[аеуы]', 'saturday'],
  ['воскресень[еяю]', 'sunday'],
];
/** Periods "следующий", "прошлый", "этот" make next / last / this, in any case and gender. */
const PERIODS: Stems = [
  ...WEEKDAYS,
  ['сред[аеуы]', 'wednesday'],
  ['недел[яиюе]', 'week'],
  ['месяц(?:а|е)?', 'month'],
  ['год(?:а|у)?', 'year'],
  ['выходн(?:ые|ых|ым)', 'weekend'],
];
const MODIFIERS: Stems = [
  ['следующ\\p{L}*', 'next'],
  ['ближайш\\p{L}*', 'next'],
  ['будущ\\p{L}*', 'next'],
  ['прошл\\p{L}*', 'last'],
  ['эт(?:от|у|а|ой|ом|и)', 'this'],
];

// Each table's patterns compiled once: the rules' replacements run on every message.
const COMPILED_STEMS = new WeakMap<Stems, ReadonlyArray<readonly [RegExp, string]>>();
function compiledStems(stems: Stems): ReadonlyArray<readonly [RegExp, string]> {
  let compiled = COMPILED_STEMS.get(stems);
  if (!compiled) {
    compiled = stems.map(([p, e]) => [new RegExp(`^(?:${p})$`, 'iu'), e] as const);
    COMPILED_STEMS.set(stems, compiled);
  }
  return compiled;
}

function stemRule(stems: Stems): RewriteRule {
  return {
    pattern: `${WORD_START}(?:${stems.map(([p]) => p).join('|')})${WORD_END}`,
    replace: (m) => english(stems, m[0]) ?? m[0],
  };
}
const english = (stems: Stems, word: string): string | undefined =>
  compiledStems(stems).find(([re]) => re.test(word))?.[1];

/** The tens, which the cardinals and the ordinals share. */
const TENS: Record<string, number> = {
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
};
const NUMBERS = numeral({
  add: {
    один: 1,
    одна: 1,
    одно: 1,
    одну: 1,
    два: 2,
    две: 2,
    три: 3,
    четыре: 4,
    пять: 5,
    шесть: 6,
    семь: 7,
    восемь: 8,
    девять: 9,
    десять: 10,
    одиннадцать: 11,
    двенадцать: 12,
    тринадцать: 13,
    четырнадцать: 14,
    пятнадцать: 15,
    шестнадцать: 16,
    семнадцать: 17,
    восемнадцать: 18,
    девятнадцать: 19,
    ...TENS,
    сто: 100,
    двести: 200,
    триста: 300,
    четыреста: 400,
    пятьсот: 500,
    шестьсот: 600,
    семьсот: 700,
    восемьсот: 800,
    девятьсот: 900,
  },
  times: { тысяча: 1000, тысячи: 1000, тысяч: 1000, тысячу: 1000, миллион: 1e6, миллиона: 1e6 },
  between: '\\s+',
});
const N = `\\d{1,2}|${NUMBERS.pattern}`;

/** "в половине девятого": the ordinal of the next hour, in the genitive. */
const NEXT_HOUR: Record<string, number> = {
  первого: 1,
  второго: 2,
  третьего: 3,
  четвёртого: 4,
  четвертого: 4,
  пятого: 5,
  шестого: 6,
  седьмого: 7,
  восьмого: 8,
  девятого: 9,
  десятого: 10,
  одиннадцатого: 11,
  двенадцатого: 12,
};

/** Ordinal stems that decline as "первый" (-ый / -ой, -ая, -ое, -ого …); "третий" is soft. */
const HARD_ORDINALS: Record<string, number> = {
  перв: 1,
  втор: 2,
  четвёрт: 4,
  четверт: 4,
  пят: 5,
  шест: 6,
  седьм: 7,
  восьм: 8,
  девят: 9,
  десят: 10,
  одиннадцат: 11,
  двенадцат: 12,
  тринадцат: 13,
  четырнадцат: 14,
  пятнадцат: 15,
  шестнадцат: 16,
  семнадцат: 17,
  восемнадцат: 18,
  девятнадцат: 19,
  двадцат: 20,
  тридцат: 30,
  сороков: 40,
  пятидесят: 50,
  шестидесят: 60,
  семидесят: 70,
  восьмидесят: 80,
  девяност: 90,
  сот: 100,
};
const HARD_ENDING = '(?:ый|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ою)';
const SOFT_ENDING = '(?:ий|ья|ье|ьего|ьему|ьим|ьем|ью|ьи|ьих|ьими|ьей)';
const UNIT_ORDINAL = `(?:(${alternation(Object.keys(HARD_ORDINALS).filter((s) => (HARD_ORDINALS[s] ?? 0) < 10))})${HARD_ENDING}|(трет)${SOFT_ENDING})`;
const ANY_ORDINAL = `(?:(${alternation(Object.keys(HARD_ORDINALS))})${HARD_ENDING}|(трет)${SOFT_ENDING})`;
/** "двадцать первое": the tens a cardinal, the unit an ordinal. */
const ORDINAL = `(?:(${alternation(Object.keys(TENS))})\\s+${UNIT_ORDINAL}|${ANY_ORDINAL})`;
function ordinalValue(m: RegExpExecArray): number | undefined {
  const tens = m[1] ? TENS[m[1].toLowerCase()] : 0;
  const stem = (m[2] ?? m[4] ?? '').toLowerCase();
  const unit = m[3] || m[5] ? 3 : HARD_ORDINALS[stem];
  return tens === undefined || unit === undefined ? undefined : tens + unit;
}
/** The case endings of an ordinal written in digits: "3-й", "3-го", "на 3-м этаже". */
const DIGIT_ENDING = '(?:й|я|е|ю|м|го|му|ой|ей|ий|ый|ая|ое|ья|ье|ого|его|ому|ему|ом|ем|ую)';

const UNITS: Stems = [
  ['(?:день|дня|дней)', 'days'],
  ['(?:неделю|недели|недель)', 'weeks'],
  ['(?:месяц|месяца|месяцев)', 'months'],
  ['(?:год|года|лет)', 'years'],
  ['(?:час|часа|часов)', 'hours'],
  ['(?:минуту|минуты|минут)', 'minutes'],
  ['(?:секунду|секунды|секунд)', 'seconds'],
];
const UNIT = UNITS.map(([p]) => p).join('|');
/** "утра", "вечера", "дня", "ночи" after an hour. */
const PARTS: Record<string, string> = {
  утра: 'in the morning',
  дня: 'in the afternoon',
  вечера: 'in the evening',
  ночи: 'at night',
};

/**
 * Russian date, time, number and money words in the English the recognizer reads ("завтра в 8
 * утра" → "tomorrow at 8 in the morning", "в следующую пятницу" → "next friday", "3 мая" → "3
 * may", "500 рублей" → "500 russian rubles"). Recognizers-Text has no Russian model in
 * JavaScript; the weekdays, months and periods are read in every case they take after "в",
 * "на" and "до".
 */
const WORDS: Record<string, string> = {
  сегодня: 'today',
  завтра: 'tomorrow',
  послезавтра: 'the day after tomorrow',
  вчера: 'yesterday',
  позавчера: 'the day before yesterday',
  сейчас: 'now',
  'весь день': 'all day',
  'целый день': 'all day',
  'сегодня вечером': 'this evening',
  'сегодня утром': 'this morning',
  'сегодня ночью': 'tonight',
  'завтра утром': 'tomorrow morning',
  'завтра вечером': 'tomorrow evening',
  утром: 'in the morning',
  днём: 'in the afternoon',
  днем: 'in the afternoon',
  вечером: 'in the evening',
  ночью: 'at night',
  полдень: 'noon',
  'в полдень': 'at noon',
  полночь: 'midnight',
  'в полночь': 'at midnight',
  процентов: 'percent',
  процента: 'percent',
  процент: 'percent',
  рублей: 'russian rubles',
  рубля: 'russian rubles',
  рубль: 'russian ruble',
  'руб.': 'russian rubles',
  руб: 'russian rubles',
  евро: 'euro',
  долларов: 'dollars',
  доллара: 'dollars',
  доллар: 'dollar',
};

/**
 * Russian ordinals in every case and gender in the English the ordinal recognizer reads
 * ("третий" → "3rd", "на пятом этаже" → "на 5th этаже", "двадцать первого" → "21st", "3-й" →
 * "3rd"). Not read: the hour of "в половине девятого" (half past eight) and fractions ("две
 * пятых", "одна десятая").
 */
export const RUSSIAN_ORDINALS: readonly RewriteRule[] = [
  keepRule(`${WORD_START}половин[еау]\\s+(?:${Object.keys(NEXT_HOUR).join('|')})${WORD_END}`),
  keepRule(
    `${WORD_START}(?:одна|одну|две|три|четыре|пять|шесть|семь|восемь|девять|десять|\\d+)\\s+${ANY_ORDINAL}${WORD_END}`,
  ),
  ordinalRule(`${WORD_START}${ORDINAL}${WORD_END}`, ordinalValue),
  ordinalRule(`${WORD_START}(\\d{1,3})-${DIGIT_ENDING}${WORD_END}`, (m) => Number(m[1])),
];

/** Rules, tried in this order at each position; see `rewriteText`. */
export const RUSSIAN_TO_ENGLISH: readonly RewriteRule[] = [
  // "третьего мая", "первое января", "3-го мая": a day of the month, an ordinal, before the month.
  ordinalRule(
    `${WORD_START}${ORDINAL}(?=\\s+(?:${MONTHS.map(([p]) => p).join('|')})${WORD_END})`,
    ordinalValue,
  ),
  ordinalRule(
    `${WORD_START}(\\d{1,2})-${DIGIT_ENDING}(?=\\s+(?:${MONTHS.map(([p]) => p).join('|')})${WORD_END})`,
    (m) => Number(m[1]),
  ),
  // "2027 года": the year of a date, not a number of years.
  { pattern: `(?<=\\d{4}\\s+)г(?:ода|\\.)${WORD_END}`, replace: () => '' },
  {
    // "в половине девятого": half past eight.
    pattern: `${WORD_START}(?:в\\s+)?половин[еау]\\s+(${Object.keys(NEXT_HOUR).join('|')})${WORD_END}`,
    replace: (m) => {
      const hour = NEXT_HOUR[(m[1] as string).toLowerCase()];
      return hour === undefined ? m[0] : `at ${clock(hour - 1, 30) ?? ''}`;
    },
  },
  {
    // "в 8", "в восемь", "в 20:30": "at", then the hour.
    pattern: `${WORD_START}в(?=\\s+(?:${N})(?:[:.]\\d{2})?(?:\\s+(?:час(?:а|ов)?|утра|дня|вечера|ночи))*${WORD_END})`,
    replace: () => 'at',
  },
  {
    pattern: `(?<=${WORD_START}в\\s+)(${N})(?:[:.](\\d{2}))?(?:\\s+час(?:а|ов)?)?(?:\\s+(утра|дня|вечера|ночи))?${WORD_END}`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[1]);
      const t =
        m[2] !== undefined
          ? clock(hour, Number(m[2]))
          : hour === undefined || hour > 24
            ? undefined
            : String(hour);
      if (t === undefined) return m[0];
      return m[3] ? `${t} ${PARTS[m[3].toLowerCase()]}` : t;
    },
  },
  {
    // "через 3 дня": in so many days; "3 дня назад": ago.
    pattern: `${WORD_START}через(?=\\s+(?:\\d+|${NUMBERS.pattern})\\s+(?:${UNIT})${WORD_END})`,
    replace: () => 'in',
  },
  {
    pattern: `(?<=${WORD_START}(\\d+|${NUMBERS.pattern})\\s+)(${UNIT})(?:\\s+(назад))?${WORD_END}`,
    replace: (m) => {
      const n = amount(NUMBERS, m[1]);
      const plural = english(UNITS, m[2] as string);
      if (n === undefined || !plural) return m[0];
      const word = n === 1 ? plural.slice(0, -1) : plural;
      return m[3] ? `${word} ago` : word;
    },
  },
  {
    // "в следующую пятницу", "на прошлой неделе", "в этом месяце": next / last / this.
    pattern: `${WORD_START}(?:(?:в|на)\\s+)?(${MODIFIERS.map(([p]) => p).join('|')})\\s+(${PERIODS.map(([p]) => p).join('|')})${WORD_END}`,
    replace: (m) => {
      const mod = english(MODIFIERS, m[1] as string);
      const period = english(PERIODS, m[2] as string);
      return mod && period ? `${mod} ${period}` : m[0];
    },
  },
  // "3 мая", "1 января 2027 года": the month after a day; the day and the year read as they are.
  { ...stemRule(MONTHS), pattern: `(?<=${WORD_START}\\d{1,2}\\s+)${stemRule(MONTHS).pattern}` },
  // "в пятницу", "во вторник": the preposition reads as "on".
  {
    pattern: `${WORD_START}во?(?=\\s+(?:${WEEKDAYS.map(([p]) => p).join('|')})${WORD_END})`,
    replace: () => 'on',
  },
  stemRule(WEEKDAYS),
  stemRule(MONTHS),
  // "двадцать первый" is an ordinal: its tens are no number of their own.
  keepRule(`${WORD_START}(?:${alternation(Object.keys(TENS))})\\s+${UNIT_ORDINAL}${WORD_END}`),
  ...dayFirstDateRules(),
  ...decimalCommaRules(),
  numeralRule(NUMBERS),
  ...wordRules(WORDS),
];
