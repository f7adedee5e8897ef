// User-supplied objects (chat context, tool results) may have keys with `.` or a
// leading `$`, which MongoDB, DocumentDB and FerretDB refuse or misread. Keys are
// escaped reversibly on the way in and restored on the way out: `~` → `~t`,
// `.` → `~d`, a leading `$` → `~s`.

const UNESCAPED: Record<string, string> = { t: '~', d: '.', s: '$' };

function escapeKey(key: string): string {
  return key.replace(/~/g, '~t').replace(/\./g, '~d').replace(/^\$/, '~s');
}

function unescapeKey(key: string): string {
  return key.replace(/~([tds])/g, (_, code: string) => UNESCAPED[code]!);
}

function mapKeys(value: unknown, mapKey: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, mapKey));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[mapKey(key)] = mapKeys(item, mapKey);
  return out;
}

/** Deep copy with every object key made safe for storage. */
export function toStorableKeys<T>(value: T): T {
  return mapKeys(value, escapeKey) as T;
}

/** Inverse of `toStorableKeys`. */
export function fromStorableKeys<T>(value: T): T {
  return mapKeys(value, unescapeKey) as T;
}
