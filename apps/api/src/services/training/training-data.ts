import { SYSTEM_ENTITIES } from '@parley/domain';
import type { EntityDefinition, IntentDefinition } from '@parley/domain';
import type { TrainingData } from '@parley/nlu';

/** A reason training cannot start, in a bot builder's words. */
export interface TrainingProblem {
  code: 'NO_INTENTS' | 'INTENT_WITHOUT_EXAMPLES' | 'ENTITY_NEVER_ANNOTATED';
  message: string;
}

export type TrainingDataResult =
  { ok: true; data: TrainingData } | { ok: false; problems: TrainingProblem[] };

const MIN_INTENTS = 2;

/**
 * Turns a bot's intents and entities into training data, or says why it cannot be trained.
 * The fallback intent is never trained: it answers when confidence is below the threshold.
 */
export function buildTrainingData(
  intents: IntentDefinition[],
  entities: EntityDefinition[],
  fallbackIntentId: string,
  /** The bot's language: the model's tokenizer, stemmer and system-entity culture. */
  language = 'en',
): TrainingDataResult {
  const trainable = intents.filter((intent) => intent.intentId !== fallbackIntentId);
  const problems: TrainingProblem[] = [];
  for (const intent of trainable) {
    if (intent.trainingData.length === 0) {
      problems.push({
        code: 'INTENT_WITHOUT_EXAMPLES',
        message: `Intent "${intent.name}" (${intent.intentId}) has no training examples: add a few things people say for it, or delete it.`,
      });
    }
  }
  const withExamples = trainable.filter((intent) => intent.trainingData.length > 0);
  if (withExamples.length < MIN_INTENTS) {
    problems.unshift({
      code: 'NO_INTENTS',
      message: `The bot needs at least ${MIN_INTENTS} intents with training examples besides the fallback; it has ${withExamples.length}.`,
    });
  }
  const annotated = new Set(
    trainable.flatMap((intent) =>
      intent.trainingData.flatMap((example) => example.entities.map((span) => span.name)),
    ),
  );
  const used = new Set(
    trainable.flatMap((intent) =>
      intent.parameters.flatMap((parameter) => (parameter.entity ? [parameter.entity] : [])),
    ),
  );
  for (const entity of entities) {
    const findable =
      entity.values.length > 0 || entity.patterns.length > 0 || annotated.has(entity.name);
    if (used.has(entity.name) && !findable) {
      problems.push({
        code: 'ENTITY_NEVER_ANNOTATED',
        message: `Entity "${entity.name}" is never annotated in a training example and has no values or patterns, so it can never be recognised: annotate it in a few examples, or give it values or a pattern.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    data: {
      intents: withExamples.map(({ intentId, name, description, trainingData }) => ({
        intentId,
        name,
        description,
        trainingData,
      })),
      entities,
      // The system entities parameters ask for are extracted from every message, so one
      // message can name the intent and its date at once.
      systemEntities: SYSTEM_ENTITIES.filter((name) => used.has(name)),
      language,
    },
  };
}
