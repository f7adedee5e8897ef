import {
  alternation,
  amount,
  clock,
  dayFirstDateRules,
  numeral,
  numeralRule,
} from './english-rewrite.js';
import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

const MONTHS: Record<string, string> = {
  janeiro: 'january',
  fevereiro: 'february',
  março: 'march',
  marco: 'march',
  abril: 'april',
  maio: 'may',
  junho: 'june',
  julho: 'july',
  agosto: 'august',
  setembro: 'september',
  outubro: 'october',
  novembro: 'november',
  dezembro: 'december',
};

/**
 * The weekdays whose bare names are also ordinals ("segunda vez", "quinta posição"): they are
 * days only with "-feira" or after a word that announces a day ("na", "próxima", "até").
 */
const ORDINAL_DAYS: Record<string, string> = {
  segunda: 'monday',
  terça: 'tuesday',
  terca: 'tuesday',
  quarta: 'wednesday',
  quinta: 'thursday',
  sexta: 'friday',
};
const DAYS: Record<string, string> = {
  ...ORDINAL_DAYS,
  sábado: 'saturday',
  sabado: 'saturday',
  domingo: 'sunday',
};
const DAY = alternation(Object.keys(ORDINAL_DAYS));
const DAY_BEFORE =
  '(?:na|nesta|nessa|esta|essa|próxima|proxima|até|ate|toda|cada|última|ultima|de)';

// Numbers and money keep Recognizers-Text's Portuguese model; this is only for clock times and
// counts of days the English date-time model reads ("às oito" → "at 8", "em três dias").
const NUMBERS = numeral({
  add: {
    um: 1,
    uma: 1,
    dois: 2,
    duas: 2,
    três: 3,
    tres: 3,
    quatro: 4,
    cinco: 5,
    seis: 6,
    sete: 7,
    oito: 8,
    nove: 9,
    dez: 10,
    onze: 11,
    doze: 12,
    treze: 13,
    catorze: 14,
    quatorze: 14,
    quinze: 15,
    dezesseis: 16,
    dezasseis: 16,
    dezessete: 17,
    dezassete: 17,
    dezoito: 18,
    dezenove: 19,
    dezanove: 19,
    vinte: 20,
    trinta: 30,
  },
  times: {},
  between: '\\s+e\\s+',
});
const N = `\\d{1,2}|${NUMBERS.pattern}`;
const UNITS = '(?:dias?|semanas?|m[eê]s|meses|anos?|horas?|minutos?|segundos?)';

/**
 * Portuguese date and time words in the English the recognizer reads ("amanhã às 8" →
 * "tomorrow at 8", "sexta que vem" → "next friday", "3 de maio" → "3 may"). Recognizers-Text's
 * JavaScript Portuguese culture has numbers and money but no date-time model, and its Spanish
 * one, the nearest, reads none of these words ("amanhã", "sexta-feira", "3 de maio"): English,
 * the model with the most constructs, reads them after the rewrite.
 */
const WORDS: Record<string, string> = {
  hoje: 'today',
  amanhã: 'tomorrow',
  amanha: 'tomorrow',
  'depois de amanhã': 'the day after tomorrow',
  'depois de amanha': 'the day after tomorrow',
  ontem: 'yesterday',
  anteontem: 'the day before yesterday',
  agora: 'now',
  'hoje à noite': 'tonight',
  'hoje a noite': 'tonight',
  'esta noite': 'tonight',
  'hoje de manhã': 'this morning',
  'hoje à tarde': 'this afternoon',
  'amanhã de manhã': 'tomorrow morning',
  'amanhã cedo': 'tomorrow morning',
  'amanhã à tarde': 'tomorrow afternoon',
  'amanhã à noite': 'tomorrow evening',
  'da manhã': 'in the morning',
  'de manhã': 'in the morning',
  'pela manhã': 'in the morning',
  'da tarde': 'in the afternoon',
  'à tarde': 'in the afternoon',
  'de tarde': 'in the afternoon',
  'da noite': 'in the evening',
  'à noite': 'in the evening',
  'de noite': 'at night',
  manhã: 'morning',
  tarde: 'afternoon',
  noite: 'night',
  'meio-dia': 'noon',
  'meio dia': 'noon',
  'meia-noite': 'midnight',
  'meia noite': 'midnight',
  'fim de semana': 'weekend',
  semana: 'week',
  semanas: 'weeks',
  dia: 'day',
  dias: 'days',
  mês: 'month',
  mes: 'month',
  meses: 'months',
  ano: 'year',
  anos: 'years',
  hora: 'hour',
  horas: 'hours',
  minutos: 'minutes',
  segundos: 'seconds',
  'o dia todo': 'all day',
  'o dia inteiro': 'all day',
  'todo o dia': 'all day',
  próxima: 'next',
  proxima: 'next',
  próximo: 'next',
  proximo: 'next',
  passada: 'last',
  passado: 'last',
  esta: 'this',
  este: 'this',
  nesta: 'this',
  neste: 'this',
  sábado: 'saturday',
  sabado: 'saturday',
  domingo: 'sunday',
  primeiro: '1',
  ...MONTHS,
};

/** Rules, tried in this order at each position; see `rewriteText`. */
export const PORTUGUESE_TO_ENGLISH: readonly RewriteRule[] = [
  {
    // "segunda-feira", "sexta feira".
    pattern: `(?<![\\p{L}])(${DAY})[- ]feira(?![\\p{L}])`,
    replace: (m) => ORDINAL_DAYS[(m[1] as string).toLowerCase()] ?? m[0],
  },
  {
    // "na sexta", "próxima quinta": a bare day after a word announcing one.
    pattern: `(?<=(?<![\\p{L}])${DAY_BEFORE}\\s+)(${DAY})(?![\\p{L}-])`,
    replace: (m) => ORDINAL_DAYS[(m[1] as string).toLowerCase()] ?? m[0],
  },
  {
    // "sexta que vem", "semana que vem", "sábado passado": next / last after the noun.
    pattern: `(?<![\\p{L}])(${alternation([...Object.keys(DAYS), 'semana', 'mês', 'mes', 'ano', 'fim de semana'])})(?:[- ]feira)?\\s+(que\\s+vem|passad[oa])(?![\\p{L}])`,
    replace: (m) => {
      const noun = (m[1] as string).toLowerCase();
      const english = DAYS[noun] ?? (WORDS[noun] as string | undefined) ?? noun;
      return `${/^q/i.test(m[2] as string) ? 'next' : 'last'} ${english}`;
    },
  },
  {
    // "às 8", "as oito", "às 20h30", "às 8 e meia", "ao meio-dia" is in the words.
    pattern: `(?<![\\p{L}])(?:às|as|a)(?=\\s+(?:${N})(?:h|:|\\s|$|[.,!?]))`,
    replace: () => 'at',
  },
  {
    // The hour: "8h", "8h30", "20:30", "oito e meia", "8 e quinze".
    pattern: `(?<=(?<![\\p{L}])(?:às|as|a)\\s+)(${N})(?:(?:h|:)(\\d{2})?|\\s+e\\s+(meia|quinze|um\\s+quarto))?(?:\\s*h(?:oras?)?)?(?![\\p{L}\\p{N}])`,
    replace: (m) => {
      const hour = amount(NUMBERS, m[1]);
      if (hour === undefined) return m[0];
      const half = m[3]?.toLowerCase();
      if (half) return clock(hour, half === 'meia' ? 30 : 15) ?? m[0];
      if (m[2] !== undefined) return clock(hour, Number(m[2])) ?? m[0];
      return /h|oras?/i.test(m[0].slice(m[1]?.length)) ? `${hour} o'clock` : String(hour);
    },
  },
  {
    // "8h30", "20h" without "às".
    pattern: '(?<![\\p{L}\\p{N}])(\\d{1,2})h(\\d{2})?(?![\\p{L}\\p{N}])',
    replace: (m) => (m[2] ? clock(Number(m[1]), Number(m[2])) : `${m[1]} o'clock`) ?? m[0],
  },
  {
    // "daqui a 3 dias", "em três dias", "dentro de 2 semanas": in so many days.
    pattern: `(?<![\\p{L}])(?:daqui\\s+a|dentro\\s+de|em)(?=\\s+(?:\\d+|um|uma|${NUMBERS.pattern})\\s+${UNITS}(?![\\p{L}]))`,
    replace: () => 'in',
  },
  {
    // "3 dias atrás": so many days ago.
    pattern: `(?<=${UNITS}\\s+)atr[aá]s(?![\\p{L}])`,
    replace: () => 'ago',
  },
  {
    // "3 de maio", "1º de maio de 2027".
    pattern: `(?<![\\p{L}\\p{N}])(\\d{1,2})[ºo]?\\s+de\\s+(${alternation(Object.keys(MONTHS))})(?:\\s+de\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`,
    replace: (m) => `${m[1]} ${MONTHS[(m[2] as string).toLowerCase()]}${m[3] ? ` ${m[3]}` : ''}`,
  },
  ...dayFirstDateRules(),
  numeralRule(NUMBERS, ['um', 'uma']),
  ...wordRules(WORDS),
];
