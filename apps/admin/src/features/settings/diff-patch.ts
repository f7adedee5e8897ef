/**
 * A JSON merge patch (RFC 7386) turning `before` into `after`: only what changed; a value
 * that became undefined is sent as null (removed).
 */
export function diffPatch(before: unknown, after: unknown): unknown {
  if (!isObject(before) || !isObject(after)) return after === undefined ? null : after;
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    patch[key] = isObject(a) && isObject(b) ? diffPatch(a, b) : b === undefined ? null : b;
  }
  return patch;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
