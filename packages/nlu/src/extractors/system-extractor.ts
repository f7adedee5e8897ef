import * as Recognizers from '@microsoft/recognizers-text-suite';
import { SYSTEM_ENTITIES, type SystemEntityName } from '@parley/domain';
import type { ExtractedEntity, JsonValue } from '../types.js';
import { toLocalWallClock, wallClockToIso } from '../util/time-zone.js';
import type { EntityExtractor, ExtractionInput } from './extractor.js';

/** The system entities this package resolves offline (Microsoft Recognizers-Text, English): all of the domain's. */
export const SYSTEM_ENTITY_NAMES: readonly SystemEntityName[] = SYSTEM_ENTITIES;

const SYSTEM_CONFIDENCE = 0.9;
const CULTURE = Recognizers.Culture.English;

interface RecognizerResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  resolution?: Record<string, unknown>;
}

type Recognize = (text: string, reference: Date) => RecognizerResult[];

const RECOGNIZERS: Record<string, Recognize> = {
  number: (t) => Recognizers.recognizeNumber(t, CULTURE),
  ordinal: (t) => Recognizers.recognizeOrdinal(t, CULTURE),
  percentage: (t) => Recognizers.recognizePercentage(t, CULTURE),
  money: (t) => Recognizers.recognizeCurrency(t, CULTURE),
  datetime: (t, ref) => Recognizers.recognizeDateTime(t, CULTURE, undefined, ref),
  email: (t) => Recognizers.recognizeEmail(t, CULTURE),
  phone: (t) => Recognizers.recognizePhoneNumber(t, CULTURE),
  url: (t) => Recognizers.recognizeURL(t, CULTURE),
};

/** Which recognizer finds each system entity (date, time, date-time and duration share one). */
const RECOGNIZER_OF: Record<SystemEntityName, string> = {
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
 * date / time / date-time, and `{start, end}` for ranges.
 */
export function createSystemExtractor(
  enabled: readonly SystemEntityName[] = SYSTEM_ENTITY_NAMES,
): EntityExtractor {
  const enabledSet = new Set<string>(enabled);
  return {
    name: 'system',
    extract({ text, referenceTime, timeZone, expectedEntity }: ExtractionInput): ExtractedEntity[] {
      const wanted = new Set(enabledSet);
      if (expectedEntity && expectedEntity in RECOGNIZER_OF) wanted.add(expectedEntity);
      if (wanted.size === 0) return [];
      const recognizers = new Set([...wanted].map((n) => RECOGNIZER_OF[n as SystemEntityName]));
      const reference = toLocalWallClock(referenceTime, timeZone);
      const out: ExtractedEntity[] = [];
      for (const key of [...recognizers].sort()) {
        for (const r of (RECOGNIZERS[key] as Recognize)(text, reference)) {
          const entity = toEntity(r, text, timeZone);
          if (entity && wanted.has(entity.name)) out.push(entity);
        }
      }
      return out;
    },
  };
}

function toEntity(
  r: RecognizerResult,
  text: string,
  timeZone: string,
): ExtractedEntity | undefined {
  const resolved = resolve(r, timeZone);
  if (!resolved) return undefined;
  const begin = r.start;
  const end = r.end + 1;
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
      return r.typeName.startsWith('datetimeV2.') ? resolveDateTime(r, timeZone) : undefined;
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
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

function resolveDateTime(
  r: RecognizerResult,
  timeZone: string,
): { name: string; value: JsonValue } | undefined {
  const values = (r.resolution?.values ?? []) as TimexValue[];
  // Ambiguous dates ("friday") come as past and future candidates: prefer the future one.
  const v = values[values.length > 1 && r.typeName.includes('date') ? values.length - 1 : 0];
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
