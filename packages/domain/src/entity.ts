import { z } from 'zod';
import { ZSlug } from './ids.js';

/** System entities resolved offline by the NLU; parameters may reference them by name. */
export const SYSTEM_ENTITIES = [
  'sys.number',
  'sys.ordinal',
  'sys.percentage',
  'sys.money',
  'sys.date',
  'sys.time',
  'sys.datetime',
  'sys.duration',
  'sys.email',
  'sys.phone',
  'sys.url',
] as const;
export type SystemEntityName = (typeof SYSTEM_ENTITIES)[number];

export const ZEntityValue = z.object({
  value: z.string().min(1).max(200),
  synonyms: z.array(z.string().min(1).max(200)).max(500).default([]),
});
export type EntityValue = z.infer<typeof ZEntityValue>;

/** How regex entities are matched: JavaScript syntax, every match, case-insensitive, Unicode. */
export const ENTITY_PATTERN_FLAGS = 'giu';

/** The compiled pattern, or why it does not compile: what saving and extraction both use. */
export function compileEntityPattern(
  pattern: string,
): { ok: true; regex: RegExp } | { ok: false; error: string } {
  try {
    return { ok: true, regex: new RegExp(pattern, ENTITY_PATTERN_FLAGS) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

const ZEntityPattern = z
  .string()
  .min(1)
  .max(500)
  .superRefine((pattern, issue) => {
    const compiled = compileEntityPattern(pattern);
    if (!compiled.ok)
      issue.addIssue({ code: 'custom', message: `not a valid regex: ${compiled.error}` });
  });

/**
 * A custom entity type. It is found by its lookup values and synonyms, its regex
 * patterns, and the sequence labeller trained on annotated examples (an entity with
 * neither values nor patterns, such as an order number, is learnt from annotations alone).
 */
export const ZEntityDefinition = z.object({
  name: ZSlug,
  values: z.array(ZEntityValue).max(10_000).default([]),
  patterns: z.array(ZEntityPattern).max(50).default([]),
  /** Match lookup values with small typos. */
  fuzzy: z.boolean().default(false),
  /** The LLM parser may return a value that is not written in the message (e.g. a normalized code). */
  allowUnlisted: z.boolean().default(false),
});
export type EntityDefinition = z.infer<typeof ZEntityDefinition>;
