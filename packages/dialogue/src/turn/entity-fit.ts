import type { ExtractedEntity, JsonValue } from '@parley/nlu';

/**
 * The value an extracted entity gives a parameter typed `wanted`, or undefined when it cannot
 * fill it. Besides its own type, a date-and-time fills a date parameter with its calendar day
 * and a time parameter with its clock time: "tomorrow at 8" answers "which day?", and
 * Recognizers-Text reads it as one `sys.datetime`, never as a date next to a time.
 */
export function entityValueFor(wanted: string, entity: ExtractedEntity): JsonValue | undefined {
  if (entity.name === wanted) return entity.value;
  if (entity.name !== 'sys.datetime') return undefined;
  if (wanted === 'sys.date') return project(entity.value, datePart);
  if (wanted === 'sys.time') return project(entity.value, timePart);
  return undefined;
}

// sys.datetime values are wall-clock ISO strings in the bot's time zone with its offset
// ("2026-12-02T08:00:00+01:00"), so the first ten characters are the local calendar day.
const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/u;

function datePart(iso: string): string | undefined {
  return ISO.exec(iso)?.[1];
}

function timePart(iso: string): string | undefined {
  return ISO.exec(iso)?.[2];
}

/**
 * A point maps to a point; a range ("tomorrow evening") to a range of the same shape as the
 * target type's own ranges, or to a single day when it starts and ends on the same day.
 */
function project(
  value: JsonValue,
  part: (iso: string) => string | undefined,
): JsonValue | undefined {
  if (typeof value === 'string') return part(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const start = typeof value.start === 'string' ? (part(value.start) ?? null) : null;
  const end = typeof value.end === 'string' ? (part(value.end) ?? null) : null;
  if (start === null && end === null) return undefined;
  if (part === datePart && start !== null && start === end) return start;
  return { start, end };
}
