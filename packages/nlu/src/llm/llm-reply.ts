import { z } from 'zod';

const ZScalarText = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined ? '' : String(value)));

/** Models sometimes answer 95 for 0.95. */
const ZConfidence = z.preprocess(
  (value) => (typeof value === 'number' && value > 1 && value <= 100 ? value / 100 : value),
  z.number().min(0).max(1),
);

/** The reply the model must give; validated whatever the server promised about structured outputs. */
export const ZLlmReply = z.object({
  intent: z.string().trim().min(1).max(200),
  entities: z
    .array(
      z.object({ type: z.string().trim().min(1).max(100), text: ZScalarText, value: ZScalarText }),
    )
    .max(50)
    .nullish()
    .transform((entities) => entities ?? []),
  confidence: ZConfidence.nullish().transform((confidence) => confidence ?? undefined),
});
export type LlmReply = z.infer<typeof ZLlmReply>;

export type ReplyValidation = { ok: true; reply: LlmReply } | { ok: false; error: string };

const MAX_ERROR_CHARS = 500;

/**
 * Reads the JSON object out of a reply and validates it. Tolerates what text-mode models add
 * around it: a reasoning `<think>` block, Markdown fences, a sentence before or after.
 */
export function validateReply(content: string | null | undefined): ReplyValidation {
  if (!content || !content.trim()) return { ok: false, error: 'The reply was empty.' };
  const json = extractJson(content);
  if (json === undefined) return { ok: false, error: 'The reply did not contain a JSON object.' };
  const parsed = ZLlmReply.safeParse(json);
  if (parsed.success) return { ok: true, reply: parsed.data };
  return { ok: false, error: z.prettifyError(parsed.error).slice(0, MAX_ERROR_CHARS) };
}

function extractJson(content: string): unknown {
  const text = content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const candidates = [text];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) candidates.push(fenced[1]);
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(text.slice(first, last + 1));
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    } catch {
      // try the next, narrower candidate
    }
  }
  return undefined;
}
