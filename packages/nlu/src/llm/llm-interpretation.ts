import type { ExtractedEntity, IntentScore, ParseOptions, ParseResult } from '../types.js';
import type { EntityNormalizer } from './entity-normalizer.js';
import {
  calibrateSelfReported,
  intentAlternatives,
  valueProbability,
  type Calibration,
  type TokenLogprob,
} from './llm-confidence.js';
import { NONE_INTENT, type LlmPrompt } from './llm-prompt.js';
import type { LlmReply } from './llm-reply.js';
import type { ConfidenceSource, LlmParseOutcome } from './llm-types.js';

const MAX_RANKING = 10;

/** A validated reply with its confidences: what the cache keeps (entities are re-normalized per call). */
export interface Interpretation {
  reply: LlmReply;
  confidence: number;
  confidenceSource: ConfidenceSource;
  entityConfidences: number[];
  /** Runner-up intents from `top_logprobs`, best first. */
  alternatives: Array<{ name: string; confidence: number }>;
}

export function interpret(
  reply: LlmReply,
  logprobs: readonly TokenLogprob[] | null,
  calibration: Calibration,
  intentIds: ReadonlySet<string>,
): Interpretation {
  const fromLogprobs = logprobs ? valueProbability(logprobs, 'intent', reply.intent) : null;
  const confidence = fromLogprobs ?? calibrateSelfReported(reply.confidence, calibration);
  const entityConfidences = reply.entities.map((entity, index) =>
    logprobs
      ? (valueProbability(logprobs, 'value', entity.value, index) ?? confidence)
      : confidence,
  );
  const confidenceSource = fromLogprobs === null ? 'self_reported' : 'logprobs';
  const alternatives = logprobs ? intentAlternatives(logprobs, reply.intent, intentIds) : [];
  return { reply, confidence, confidenceSource, entityConfidences, alternatives };
}

export interface OutcomeContext {
  prompt: LlmPrompt;
  normalizer: EntityNormalizer;
  fallbackIntentId: string;
}

/** Turns an interpretation into the parse result for this message. */
export async function toOutcome(
  interpretation: Interpretation,
  text: string,
  options: ParseOptions,
  cached: boolean,
  context: OutcomeContext,
): Promise<LlmParseOutcome> {
  const { reply, confidence, confidenceSource } = interpretation;
  const entities = await locateEntities(interpretation, text, options, context);
  const known = context.prompt.intentIds.has(reply.intent);
  if (!known && reply.intent !== NONE_INTENT) {
    const result: ParseResult = {
      intent: { name: context.fallbackIntentId, confidence: 0 },
      ranking: [{ name: reply.intent, confidence }],
      entities,
      source: 'llm',
    };
    return { kind: 'unknown_intent', result, said: reply.intent, cached };
  }
  const intent: IntentScore = { name: known ? reply.intent : context.fallbackIntentId, confidence };
  const ranking = [intent, ...interpretation.alternatives].slice(0, MAX_RANKING);
  const result: ParseResult = { intent, ranking, entities, source: 'llm' };
  return { kind: 'understood', result, confidenceSource, cached };
}

async function locateEntities(
  interpretation: Interpretation,
  message: string,
  options: ParseOptions,
  context: OutcomeContext,
): Promise<ExtractedEntity[]> {
  const entities: ExtractedEntity[] = [];
  const { entityTypes } = context.prompt;
  for (const [index, candidate] of interpretation.reply.entities.entries()) {
    if (!entityTypes.has(candidate.type) && candidate.type !== options.expectedEntity) continue;
    const normalized = await context.normalizer.normalize(
      { entityType: candidate.type, text: candidate.text, value: candidate.value },
      { message, options, occupied: entities.filter((entity) => entity.end > entity.begin) },
    );
    if (!normalized) continue;
    entities.push({
      name: candidate.type,
      ...normalized,
      extractor: 'llm',
      confidence: interpretation.entityConfidences[index] ?? interpretation.confidence,
    });
  }
  return entities;
}

export function fallbackResult(
  fallbackIntentId: string,
  source: ParseResult['source'],
): ParseResult {
  return { intent: { name: fallbackIntentId, confidence: 0 }, ranking: [], entities: [], source };
}
