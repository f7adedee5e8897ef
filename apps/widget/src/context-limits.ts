/** The limits the API puts on a client's `context` (see the widget README). */
export const CONTEXT_LIMITS = { bytes: 4096, depth: 5, keys: 50 } as const;

/**
 * Why the API would refuse this page context, or null when it is acceptable. Checked in the
 * page so the site's developer reads the reason in the console, not a 413 at the first message.
 */
export function contextProblem(context: unknown): string | null {
  if (typeof context !== 'object' || context === null || Array.isArray(context))
    return 'context must be a plain object';
  let keys = 0;
  const walk = (value: unknown, depth: number): string | null => {
    if (typeof value !== 'object' || value === null) return null;
    if (depth > CONTEXT_LIMITS.depth)
      return `context is nested deeper than ${CONTEXT_LIMITS.depth} levels`;
    const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
    if (!Array.isArray(value)) keys += entries.length;
    for (const [, child] of entries) {
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  const nested = walk(context, 1);
  if (nested) return nested;
  if (keys > CONTEXT_LIMITS.keys) return `context has ${keys} keys (at most ${CONTEXT_LIMITS.keys})`;
  let bytes: number;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(context)).length;
  } catch {
    return 'context cannot be serialised as JSON';
  }
  return bytes > CONTEXT_LIMITS.bytes
    ? `context is ${bytes} bytes as JSON (at most ${CONTEXT_LIMITS.bytes})`
    : null;
}
