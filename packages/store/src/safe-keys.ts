// User-supplied objects (chat context, tool results) may have keys with `.` or a
// leading `$`, which MongoDB, DocumentDB and FerretDB refuse or misread. Keys are
// escaped reversibly on the way in and restored on the way out: `~` → `~t`,
// `.` → `~d`, a leading `$` → `~s`, and a NUL (which BSON keys cannot hold) → `~n`.

const UNESCAPED: Record<string, string> = { t: '~', d: '.', s: '$', n: '\u0000' };

function escapeKey(key: string): string {
  return key
    .replace(/~/g, '~t')
    .replace(/\./g, '~d')
    .replace(/^\$/, '~s')
    .replaceAll('\u0000', '~n');
}

function unescapeKey(key: string): string {
  return key.replace(/~([tdsn])/g, (_, code: string) => UNESCAPED[code]!);
}

/**
 * Arrays of arrays are refused by FerretDB (and outside the common subset): an array directly
 * inside an array is stored as `{ "~a": [...] }`. No escaped user key can be `~a` (a user's `~`
 * becomes `~t`), so the wrapper reads back unambiguously.
 */
const NESTED_ARRAY = '~a';

function store(value: unknown, inArray: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => store(item, true));
    return inArray ? { [NESTED_ARRAY]: items } : items;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[escapeKey(key)] = store(item, false);
  return out;
}

function restore(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(restore);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === NESTED_ARRAY && Array.isArray(entries[0]![1]))
    return (entries[0]![1] as unknown[]).map(restore);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) out[unescapeKey(key)] = restore(item);
  return out;
}

/** Deep copy with every object key made safe for storage (and no array directly in an array). */
export function toStorableKeys<T>(value: T): T {
  return store(value, false) as T;
}

/** Inverse of `toStorableKeys`. */
export function fromStorableKeys<T>(value: T): T {
  return restore(value) as T;
}
