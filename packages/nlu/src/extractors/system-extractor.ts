import * as Recognizers from '@microsoft/recognizers-text-suite';
import { SYSTEM_ENTITIES } from '@parley/domain';
import type { SupportedLanguage, SystemEntityName } from '@parley/domain';
import type { ExtractedEntity, JsonValue } from '../types.js';
import { toLocalWallClock, wallClockToIso } from '../util/time-zone.js';
import type { EntityExtractor, ExtractionInput } from './extractor.js';
import { CLOSE_SPACES, closesSpaces } from './closing-spaces.js';
import { rewriteFurther, rewriteText } from './rewrite-text.js';
import type { Rewritten, RewriteRule } from './rewrite-text.js';
import { cultureFor } from './system-cultures.js';
import type { RecognizerKind } from './system-cultures.js';

/** The system entities this package resolves offline (Microsoft Recognizers-Text): all of the domain's. */
export const SYSTEM_ENTITY_NAMES: readonly SystemEntityName[] = SYSTEM_ENTITIES;

const SYSTEM_CONFIDENCE = 0.9;

interface RecognizerResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: Record<string, unknown>;
}

type Recognize = (text: string, culture: string, reference: Date) => RecognizerResult[];

const RECOGNIZERS: Record<RecognizerKind, Recognize> = {
  number: (t, c) => Recognizers.recognizeNumber(t, c),
  ordinal: (t, c) => Recognizers.recognizeOrdinal(t, c),
  percentage: (t, c) => Recognizers.recognizePercentage(t, c),
  money: (t, c) => Recognizers.recognizeCurrency(t, c),
  datetime: (t, c, ref) => Recognizers.recognizeDateTime(t, c, undefined, ref),
  email: (t, c) => Recognizers.recognizeEmail(t, c),
  phone: (t, c) => Recognizers.recognizePhoneNumber(t, c),
  url: (t, c) => Recognizers.recognizeURL(t, c),
};

/** Which recognizer finds each system entity (date, time, date-time and duration share one). */
export const RECOGNIZER_OF: Record<SystemEntityName, RecognizerKind> = {
  'sys.number': 'number',
  'sys.ordinal': 'ordinal',
  'sys.percentage': 'percentage',
  'sys.money': 'money',
  'sys.date': 'datetime',
  'sys.time': 'datetime',
  'sys.datetime': 'datetime',
  'sys.duration': 'datetime',
  'sys.email': 'email',
  'sys.phone': 'phone',
  'sys.url': 'url',
};

/**
 * Resolves the enabled system entities: numbers, ordinals, percentages, money, dates, times,
 * date-times and durations (relative to the reference time, in the time zone), e-mails, phone
 * numbers and URLs. Values: numbers for number/ordinal/percentage, seconds for a duration,
 * `{amount, currency}` for money, `YYYY-MM-DD` / `HH:MM:SS` / ISO 8601 with offset for
 * date / time / date-time, and `{start, end}` for ranges. Each recognizer reads the bot's
 * language with its own culture where Recognizers-Text has one, after a rewrite of the date
 * and number words where it has a neighbour's (German, Italian, Dutch, Swedish, Russian,
 * Turkish and Indonesian into English, Portuguese dates into English, Japanese dates into
 * Chinese; see `system-cultures.ts`).
 */
export function createSystemExtractor(
  enabled: readonly SystemEntityName[] = SYSTEM_ENTITY_NAMES,
  language: SupportedLanguage = 'en',
): EntityExtractor {
  const enabledSet = withDateTimes(new Set<string>(enabled));
  return {
    name: 'system',
    extract({ text, referenceTime, timeZone, expectedEntity }: ExtractionInput): ExtractedEntity[] {
      const wanted = new Set(enabledSet);
      if (expectedEntity && expectedEntity in RECOGNIZER_OF)
        withDateTimes(wanted.add(expectedEntity));
      if (wanted.size === 0) return [];
      const recognizers = new Set([...wanted].map((n) => RECOGNIZER_OF[n as SystemEntityName]));
      const reference = toLocalWallClock(referenceTime, timeZone);
      const out: ExtractedEntity[] = [];
      const today = localDate(reference);
      const rewrites = new Map<readonly RewriteRule[], Rewritten>();
      const closed = closesSpaces(language) ? rewriteText(text, CLOSE_SPACES) : undefined;
      for (const kind of [...recognizers].sort()) {
        const { culture, rewrite } = cultureFor(kind, language);
        const read = rewrite ? rewritten(rewrites, closed ?? text, rewrite) : closed;
        for (const r of RECOGNIZERS[kind](read?.text ?? text, culture, reference)) {
          const span = read ? originalSpan(read, r) : { begin: r.start, end: r.end + 1 };
          const entity = toEntity(r, text, span, timeZone, today);
          if (entity && wanted.has(entity.name)) out.push(entity);
        }
      }
      return out;
    },
  };
}

/**
 * A bot that reads dates or times also reads date-and-times: the recognizer takes "tomorrow at
 * 8" as one date-time, never as a date beside a time, and the dialogue fills a date or a time
 * parameter from one.
 */
function withDateTimes(names: Set<string>): Set<string> {
  if (names.has('sys.date') || names.has('sys.time')) names.add('sys.datetime');
  return names;
}

/** One rewrite of the message per rule set, shared by the recognizers that read it. */
function rewritten(
  cache: Map<readonly RewriteRule[], Rewritten>,
  message: string | Rewritten,
  rules: readonly RewriteRule[],
): Rewritten {
  let hit = cache.get(rules);
  if (!hit)
    cache.set(
      rules,
      (hit =
        typeof message === 'string' ? rewriteText(message, rules) : rewriteFurther(message, rules)),
    );
  return hit;
}

function toEntity(
  r: RecognizerResult,
  text: string,
  { begin, end }: { begin: number; end: number },
  timeZone: string,
  today: string,
): ExtractedEntity | undefined {
  const resolved = resolve(r, timeZone, today);
  if (!resolved) return undefined;
  return {
    name: resolved.name,
    value: resolved.value,
    raw: text.slice(begin, end),
    begin,
    end,
    extractor: 'system',
    confidence: SYSTEM_CONFIDENCE,
  };
}

function resolve(
  r: RecognizerResult,
  timeZone: string,
  today: string,
): { name: string; value: JsonValue } | undefined {
  const res = r.resolution ?? {};
  const value = typeof res.value === 'string' ? res.value : undefined;
  switch (r.typeName) {
    case 'number':
      return numeric('sys.number', value);
    case 'ordinal': {
      // "next" / "last" are relative ordinals (value 0 or negative): not a position in a list.
      const n = Number(value);
      return Number.isFinite(n) && n > 0 ? { name: 'sys.ordinal', value: n } : undefined;
    }
    case 'percentage':
      return numeric('sys.percentage', value?.replace('%', ''));
    case 'currency': {
      const amount = Number(value);
      if (!Number.isFinite(amount)) return undefined;
      const currency = String(res.isoCurrency ?? res.unit ?? '');
      return { name: 'sys.money', value: { amount, currency } };
    }
    case 'email':
      return value ? { name: 'sys.email', value } : undefined;
    case 'phonenumber':
      return value ? { name: 'sys.phone', value } : undefined;
    case 'url':
      return value ? { name: 'sys.url', value } : undefined;
    default:
      return r.typeName.startsWith('datetimeV2.') ? resolveDateTime(r, timeZone, today) : undefined;
  }
}

function numeric(
  name: string,
  value: string | undefined,
): { name: string; value: number } | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) ? { name, value: n } : undefined;
}

interface TimexValue {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

/**
 * Ambiguous dates ("friday", "3 May") come as past and future candidates, clock times ("at 8")
 * as the morning and the evening reading: the first candidate from today on, else the last one.
 */
function pickCandidate(
  values: readonly TimexValue[],
  dated: boolean,
  today: string,
): TimexValue | undefined {
  if (!dated || values.length < 2) return values[0];
  const start = (v: TimexValue): string => v.value ?? v.start ?? '';
  return values.find((v) => start(v).slice(0, 10) >= today) ?? values[values.length - 1];
}

function resolveDateTime(
  r: RecognizerResult,
  timeZone: string,
  today: string,
): { name: string; value: JsonValue } | undefined {
  const values = (r.resolution?.values ?? []) as TimexValue[];
  const v = pickCandidate(values, r.typeName.includes('date'), today);
  if (!v) return undefined;
  const kind = r.typeName.slice('datetimeV2.'.length);
  const iso = (s: string | undefined): string | null => (s ? wallClockToIso(s, timeZone) : null);
  switch (kind) {
    case 'date':
      return v.value ? { name: 'sys.date', value: v.value } : undefined;
    case 'daterange':
      return { name: 'sys.date', value: { start: v.start ?? null, end: v.end ?? null } };
    case 'time':
      return v.value ? { name: 'sys.time', value: v.value } : undefined;
    case 'timerange':
      return { name: 'sys.time', value: { start: v.start ?? null, end: v.end ?? null } };
    case 'datetime':
      return v.value ? { name: 'sys.datetime', value: iso(v.value) } : undefined;
    case 'datetimerange':
      return { name: 'sys.datetime', value: { start: iso(v.start), end: iso(v.end) } };
    case 'duration':
      return numeric('sys.duration', v.value);
    default:
      return undefined;
  }
}

/** `YYYY-MM-DD` of a wall-clock Date (see `toLocalWallClock`). */
function localDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A finding in a rewritten text, back in the message, without the spaces a rewrite put at its ends. */
function originalSpan(read: Rewritten, r: RecognizerResult): { begin: number; end: number } {
  let start = r.start;
  let end = r.end + 1;
  while (start < end && /\s/u.test(read.text[start] ?? '')) start++;
  while (end > start && /\s/u.test(read.text[end - 1] ?? '')) end--;
  return read.original(start, end);
}
