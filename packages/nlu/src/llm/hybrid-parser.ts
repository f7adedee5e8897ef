import type { NluParser, ParseOptions, ParseResult, ParseSource } from '../types.js';

export type HybridReason =
  /** The local model reached the threshold: the LLM was not asked. */
  | 'local_confident'
  /** No local model (none trained, or it failed): the LLM answered or nobody did. */
  | 'no_local_model'
  /** The local model was unsure and the LLM was at least as confident. */
  | 'llm_more_confident'
  /** The local model was unsure, but the LLM was even less sure (or did not understand). */
  | 'local_more_confident'
  /** The local model was unsure and the LLM failed (timeout, refused, open circuit …). */
  | 'llm_failed';

export interface HybridDecision {
  answeredBy: ParseSource;
  llmAsked: boolean;
  reason: HybridReason;
  localConfidence?: number;
  llmConfidence?: number;
}

export interface CreateHybridParserParams {
  /** The trained local model, or `null` when none is trained. */
  local: NluParser | null;
  /** Usually `createLlmParser(…)`; any parser that marks failures with `source: 'none'` fits. */
  llm: NluParser;
  /** `BotSettings.nlu.threshold`: the local answer is kept at or above it. */
  threshold: number;
  /** Answers when both paths fail; `fallback` by default. */
  fallbackIntentId?: string;
  onDecision?: (decision: HybridDecision) => void;
  /** A parser threw (a bug: both contracts say never throw); the other path answered. */
  onError?: (error: unknown, path: 'local' | 'llm') => void;
}

/**
 * Local first, LLM when unsure. The LLM is asked only when the local confidence is below the
 * threshold or there is no local model. Of the two answers the more confident one wins, so an
 * LLM that failed or did not understand (confidence 0) leaves the local answer in place.
 * `result.source` says which path answered; `parse` never throws.
 *
 * @example
 * const parser = createHybridParser({ local: trainedModel, llm: createLlmParser({ … }), threshold: 0.6 });
 */
export function createHybridParser(params: CreateHybridParserParams): NluParser {
  const { threshold, onDecision, onError } = params;
  const fallbackIntentId = params.fallbackIntentId ?? 'fallback';
  const decide = (result: ParseResult, decision: HybridDecision): ParseResult => {
    onDecision?.(decision);
    return result;
  };

  return {
    get warnings() {
      return params.local?.warnings ?? [];
    },
    async parse(text: string, options?: ParseOptions): Promise<ParseResult> {
      const local = await parseLocal(params.local, text, options, onError);
      const localConfidence = local?.intent.confidence;
      if (local && local.intent.confidence >= threshold) {
        return decide(local, {
          answeredBy: local.source,
          llmAsked: false,
          reason: 'local_confident',
          localConfidence,
        });
      }
      const llm = await parseLlm(params.llm, text, options, fallbackIntentId, onError);
      const llmConfidence = llm.intent.confidence;
      const base = { llmAsked: true, localConfidence, llmConfidence };
      if (!local) return decide(llm, { ...base, answeredBy: llm.source, reason: 'no_local_model' });
      if (llm.source === 'none')
        return decide(local, { ...base, answeredBy: local.source, reason: 'llm_failed' });
      if (llmConfidence >= local.intent.confidence) {
        return decide(llm, { ...base, answeredBy: llm.source, reason: 'llm_more_confident' });
      }
      return decide(local, { ...base, answeredBy: local.source, reason: 'local_more_confident' });
    },
  };
}

/** A local parser that throws or says it has no model counts as no local model. */
async function parseLocal(
  local: NluParser | null,
  text: string,
  options: ParseOptions | undefined,
  onError: CreateHybridParserParams['onError'],
): Promise<ParseResult | null> {
  if (!local) return null;
  try {
    const result = await local.parse(text, options);
    return result.source === 'none' ? null : result;
  } catch (error) {
    onError?.(error, 'local');
    return null;
  }
}

async function parseLlm(
  llm: NluParser,
  text: string,
  options: ParseOptions | undefined,
  fallbackIntentId: string,
  onError: CreateHybridParserParams['onError'],
): Promise<ParseResult> {
  try {
    return await llm.parse(text, options);
  } catch (error) {
    onError?.(error, 'llm');
    return {
      intent: { name: fallbackIntentId, confidence: 0 },
      ranking: [],
      entities: [],
      source: 'none',
    };
  }
}
