/** A copy of `value` whose strings are JSON-escaped; other values are kept. */
export function jsonEscaped<T>(value: T): T {
  if (typeof value === 'string') return JSON.stringify(value).slice(1, -1) as T;
  if (Array.isArray(value)) return value.map(jsonEscaped) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonEscaped(v)])) as T;
  }
  return value;
}

/** Undoes `jsonEscaped`. */
export function jsonUnescaped<T>(value: T): T {
  if (typeof value === 'string') return JSON.parse(`"${value}"`) as T;
  if (Array.isArray(value)) return value.map(jsonUnescaped) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonUnescaped(v)])) as T;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
