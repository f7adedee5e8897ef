import type { LlmBot, LlmEntityType, LlmIntent } from './llm-types.js';

/** The intent the model names when no listed intent fits. */
export const NONE_INTENT = 'none';

export interface PromptLimits {
  examplesPerIntent: number;
  maxValuesPerEntity: number;
  maxSynonymsPerValue: number;
}

/** Everything built once per bot: the system prompt, the reply schema and the known names. */
export interface LlmPrompt {
  system: string;
  /** JSON schema of the reply, for `response_format: json_schema`. */
  jsonSchema: Record<string, unknown>;
  intentIds: ReadonlySet<string>;
  entityTypes: ReadonlySet<string>;
  /** The question a parameter of this entity type asks, when the bot has exactly one. */
  questions: ReadonlyMap<string, string>;
}

/**
 * Builds the zero-shot prompt from the bot: intents with names, descriptions and a few examples,
 * entity types with values and synonyms, and the system entities that parameters use.
 * The fallback intent is not listed: `none` stands for it.
 */
export function buildLlmPrompt(
  bot: LlmBot,
  fallbackIntentId: string,
  limits: PromptLimits,
): LlmPrompt {
  const intents = bot.intents.filter((intent) => intent.intentId !== fallbackIntentId);
  const entityTypes = new Set<string>(bot.entities.map((entity) => entity.name));
  for (const intent of intents) {
    for (const parameter of intent.parameters ?? []) {
      if (parameter.entity) entityTypes.add(parameter.entity);
    }
  }
  const intentLines = intents.map((intent) => {
    const description = intent.description ? ` — ${oneLine(intent.description)}` : '';
    const examples = (intent.trainingData ?? [])
      .slice(0, limits.examplesPerIntent)
      .map((example) => `    e.g. ${JSON.stringify(example.text)}`);
    return [`- ${intent.intentId}: ${oneLine(intent.name)}${description}`, ...examples].join('\n');
  });
  const definitions = new Map(bot.entities.map((entity) => [entity.name, entity]));
  const entityLines = [...entityTypes].map((name) =>
    describeEntity(name, definitions.get(name), limits),
  );

  const system = [
    'You are the language understanding component of a chatbot.',
    languageLine(bot.language),
    'Classify the user message into exactly one of the intents below, and extract the entities it mentions.',
    `If no intent fits, answer the intent "${NONE_INTENT}". Never invent an intent name.`,
    '',
    'Intents:',
    ...intentLines,
    '',
    entityLines.length
      ? 'Entity types:'
      : 'This bot has no entity types: return an empty entities list.',
    ...entityLines,
    '',
    'For each entity give its type, its text exactly as written in the message, and its value',
    '(the listed canonical value when the text is one of its synonyms, otherwise the text).',
    'Set confidence between 0 and 1: how likely your intent is correct.',
    'Reply with one JSON object only, no prose:',
    '{"intent": "<intent id>", "entities": [{"type": "<entity type>", "text": "<as written>", "value": "<value>"}], "confidence": <0..1>}',
  ].join('\n');

  return {
    system,
    jsonSchema: replySchema(
      [...intents.map((intent) => intent.intentId), NONE_INTENT],
      [...entityTypes],
    ),
    intentIds: new Set(intents.map((intent) => intent.intentId)),
    entityTypes,
    questions: uniqueQuestions(intents),
  };
}

/** The user turn: the message, and while slot filling the entity type the bot just asked for. */
export function buildUserMessage(
  text: string,
  expectedEntity: string | undefined,
  question?: string,
): string {
  if (!expectedEntity) return `Message: ${JSON.stringify(text)}`;
  const asked = question ? ` with the question ${JSON.stringify(question)}` : '';
  return [
    `The bot just asked the user for a value of entity type "${expectedEntity}"${asked}.`,
    `If the message answers that question, return that entity.`,
    `Message: ${JSON.stringify(text)}`,
  ].join('\n');
}

/** Entity type → parameter prompt, kept only when every parameter of that type asks the same. */
function uniqueQuestions(intents: readonly LlmIntent[]): Map<string, string> {
  const asked = new Map<string, Set<string>>();
  for (const parameter of intents.flatMap((intent) => intent.parameters ?? [])) {
    if (!parameter.entity || !parameter.prompt) continue;
    asked.set(parameter.entity, (asked.get(parameter.entity) ?? new Set()).add(parameter.prompt));
  }
  return new Map(
    [...asked].flatMap(([entity, prompts]) =>
      prompts.size === 1 ? [[entity, [...prompts][0]!]] : [],
    ),
  );
}

function describeEntity(
  name: string,
  definition: LlmEntityType | undefined,
  limits: PromptLimits,
): string {
  if (name.startsWith('sys.'))
    return `- ${name}: built-in ${name.slice(4)} (value: the text as written)`;
  const values = (definition?.values ?? []).slice(0, limits.maxValuesPerEntity).map((entry) => {
    const synonyms = (entry.synonyms ?? []).slice(0, limits.maxSynonymsPerValue);
    return synonyms.length ? `${entry.value} (${synonyms.join(', ')})` : entry.value;
  });
  const hint = values.length ? `values: ${values.join('; ')}` : 'free text';
  const unlisted = definition?.allowUnlisted ? '; may be a value not written in the message' : '';
  return `- ${name}: ${hint}${unlisted}`;
}

function replySchema(intentIds: string[], entityTypes: string[]): Record<string, unknown> {
  const typeSchema = entityTypes.length
    ? { type: 'string', enum: entityTypes }
    : { type: 'string' };
  return {
    type: 'object',
    additionalProperties: false,
    required: ['intent', 'entities', 'confidence'],
    properties: {
      intent: { type: 'string', enum: intentIds },
      entities: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'text', 'value'],
          properties: { type: typeSchema, text: { type: 'string' }, value: { type: 'string' } },
        },
      },
      confidence: { type: 'number' },
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Which language the user writes in: the model reads the message as such (a German "morgen" is
 * tomorrow), and quotes entity texts as written, untranslated, so that they can be found in it.
 */
function languageLine(tag = 'en'): string {
  let name = tag;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    // A malformed tag is named as it is.
  }
  return `The user writes in ${name} (${tag}); keep entity texts exactly as written, never translated.`;
}
