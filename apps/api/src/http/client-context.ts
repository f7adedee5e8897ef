import { z } from 'zod';
import { HttpProblem } from './problem.js';

/** How deep a client's context may nest, and how many keys it may hold in all. */
export const CONTEXT_MAX_DEPTH = 5;
export const CONTEXT_MAX_KEYS = 50;

/**
 * The `context` a chat client sends with a message: a JSON object of at most
 * CONTEXT_MAX_DEPTH levels and CONTEXT_MAX_KEYS keys. Its size is checked by
 * `checkContextSize`, which answers 413.
 */
export const ZClientContext = z
  .record(z.string().min(1).max(200), z.json())
  .superRefine((context, issue) => {
    const shape = measure(context);
    if (shape.depth > CONTEXT_MAX_DEPTH)
      issue.addIssue({ code: 'custom', message: `nests deeper than ${CONTEXT_MAX_DEPTH} levels` });
    if (shape.keys > CONTEXT_MAX_KEYS)
      issue.addIssue({ code: 'custom', message: `has more than ${CONTEXT_MAX_KEYS} keys` });
  })
  .default({});

/** 413 when the context is larger than `maxBytes` serialised. */
export function checkContextSize(context: unknown, maxBytes: number, path = 'body.context'): void {
  const bytes = Buffer.byteLength(JSON.stringify(context ?? {}));
  if (bytes <= maxBytes) return;
  throw new HttpProblem({
    status: 413,
    code: 'CONTEXT_TOO_LARGE',
    title: 'Context too large',
    detail: `The context is ${bytes} bytes; at most ${maxBytes} are accepted per message.`,
    errors: [{ path, message: `at most ${maxBytes} bytes` }],
  });
}

function measure(value: unknown, depth = 1): { depth: number; keys: number } {
  if (typeof value !== 'object' || value === null) return { depth: depth - 1, keys: 0 };
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = depth;
  let keys = Array.isArray(value) ? 0 : children.length;
  for (const child of children) {
    const inner = measure(child, depth + 1);
    deepest = Math.max(deepest, inner.depth);
    keys += inner.keys;
  }
  return { depth: deepest, keys };
}
