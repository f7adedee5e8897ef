import { z } from 'zod';
import type { TrainingData } from '../types.js';

const ZSpan = z.object({
  name: z.string().min(1),
  value: z.unknown().optional(),
  begin: z.number().int().min(0),
  end: z.number().int().min(0),
});

const ZExample = z.object({ text: z.string().min(1), entities: z.array(ZSpan).default([]) });

const ZEntityValues = z.array(
  z.object({ value: z.string().min(1), synonyms: z.array(z.string()).default([]) }),
);

// Parley's own entity shape, or ai-chatbot-framework's (`entity_values`).
const ZEntity = z.object({
  name: z.string().min(1),
  values: ZEntityValues.optional(),
  entity_values: ZEntityValues.optional(),
  patterns: z.array(z.string()).default([]),
  fuzzy: z.boolean().default(false),
  allowUnlisted: z.boolean().default(false),
});

const ZTrainFile = z.object({
  intents: z.array(
    z.object({
      intentId: z.string().min(1),
      name: z.string().optional(),
      description: z.string().optional(),
      trainingData: z.array(ZExample).default([]),
    }),
  ),
  entities: z.array(ZEntity).default([]),
});

const ZTestFile = z.array(
  z.object({ text: z.string(), intent: z.string(), entities: z.array(ZSpan).default([]) }),
);

/** A labelled test message: gold intent and gold entity spans. */
export interface TestItem {
  text: string;
  intent: string;
  entities: Array<{ name: string; value: string; begin: number; end: number }>;
}

function spans(list: Array<z.infer<typeof ZSpan>>, text: string): TestItem['entities'] {
  return list
    .filter((e) => e.end > e.begin && e.end <= text.length)
    .map((e) => ({
      name: e.name,
      value: typeof e.value === 'string' ? e.value : text.slice(e.begin, e.end),
      begin: e.begin,
      end: e.end,
    }));
}

/**
 * Reads training data in the exchange format (`{"intents":[{"intentId","name","trainingData"}]}`)
 * or an ai-chatbot-framework bot export (same intents, entities with `entity_values`).
 */
export function importExchangeFormat(json: unknown): TrainingData {
  const file = ZTrainFile.parse(json);
  return {
    intents: file.intents.map((i) => ({
      intentId: i.intentId,
      name: i.name ?? i.intentId,
      ...(i.description ? { description: i.description } : {}),
      trainingData: i.trainingData.map((ex) => ({
        text: ex.text,
        entities: spans(ex.entities, ex.text),
      })),
    })),
    entities: file.entities.map((e) => ({
      name: e.name,
      values: e.values ?? e.entity_values ?? [],
      patterns: e.patterns,
      fuzzy: e.fuzzy,
      allowUnlisted: e.allowUnlisted,
    })),
  };
}

/** Reads a test set: `[{"text","intent","entities":[{"name","value","begin","end"}]}]`. */
export function importTestSet(json: unknown): TestItem[] {
  return ZTestFile.parse(json).map((t) => ({
    text: t.text,
    intent: t.intent,
    entities: spans(t.entities, t.text),
  }));
}

/** Training data as a flat list of test items (for cross-validation). */
export function toTestItems(data: TrainingData): TestItem[] {
  return data.intents.flatMap((i) =>
    i.trainingData.map((ex) => ({
      text: ex.text,
      intent: i.intentId,
      entities: (ex.entities ?? []).map((e) => ({
        name: e.name,
        value: e.value,
        begin: e.begin,
        end: e.end,
      })),
    })),
  );
}
