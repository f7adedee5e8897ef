/**
 * The limits the API puts on a client's `context` (see the widget README). Depth and keys are
 * fixed; the size is the API's default CHAT_CONTEXT_MAX_BYTES, which a deployment may change.
 */
export const CONTEXT_LIMITS = { bytes: 4096, depth: 5, keys: 50 } as const;

/**
 * Why the API would refuse this page context's shape, or null when it is acceptable. Checked in
 * the page so the site's developer reads the reason in the console, not a 400 at the first
 * message.
 */
export function contextProblem(context: unknown): string | null {
  if (typeof context !== 'object' || context === null || Array.isArray(context))
    return 'context must be a plain object';
  let keys = 0;
  const walk = (value: unknown, depth: number): string | null => {
    if (typeof value !== 'object' || value === null) return null;
    if (depth > CONTEXT_LIMITS.depth)
      return `context is nested deeper than ${CONTEXT_LIMITS.depth} levels`;
    const entries = Array.isArray(value)
      ? value.map((v) => ['', v] as const)
      : Object.entries(value);
    if (!Array.isArray(value)) keys += entries.length;
    for (const [, child] of entries) {
      const problem = walk(child, depth + 1);
      if (problem) return problem;
    }
    return null;
  };
  const nested = walk(context, 1);
  if (nested) return nested;
  if (keys > CONTEXT_LIMITS.keys)
    return `context has ${keys} keys (at most ${CONTEXT_LIMITS.keys})`;
  try {
    JSON.stringify(context);
  } catch {
    return 'context cannot be serialised as JSON';
  }
  return null;
}

/** The context's size as the API measures it (UTF-8 JSON). */
export function contextBytes(context: unknown): number {
  return new TextEncoder().encode(JSON.stringify(context)).length;
}
