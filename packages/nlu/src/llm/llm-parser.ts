import { withSystemEntities } from './system-entity-normalizer.js';
import { LRUCache } from 'lru-cache';
import type { NluParser, ParseOptions } from '../types.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { createDefaultEntityNormalizer, type EntityNormalizer } from './entity-normalizer.js';
import { createLlmClient, type ChatMessage, type LlmClient } from './llm-client.js';
import { fallbackResult, interpret, toOutcome, type Interpretation } from './llm-interpretation.js';
import {
  ZLlmParserOptions,
  type LlmEndpointSettings,
  type LlmParserOptionsInput,
  type ResponseFormatMode,
} from './llm-options.js';
import { buildLlmPrompt, buildUserMessage, type LlmPrompt } from './llm-prompt.js';
import { validateReply } from './llm-reply.js';
import type {
  CircuitState,
  LlmBot,
  LlmCallRecord,
  LlmFailure,
  LlmParseOutcome,
  LlmParserEvent,
} from './llm-types.js';
import { redactSecret } from './redact.js';

const DEFAULT_FALLBACK_INTENT = 'fallback';
/** How much of an invalid reply is echoed back in the repair request. */
const MAX_ECHOED_REPLY_CHARS = 4_000;

export interface CreateLlmParserParams {
  /** The bot's intents and entity types; build a new parser when they change. */
  bot: LlmBot;
  /** `BotSettings.nlu.llm`. */
  settings: LlmEndpointSettings;
  /** `BotSettings.dialogue.fallbackIntentId`; `fallback` by default. */
  fallbackIntentId?: string;
  /** Locates and resolves entities; by default lookup values, synonyms and patterns of `bot.entities`. */
  normalizer?: EntityNormalizer;
  options?: LlmParserOptionsInput;
  /**
   * How requests reach the endpoint; the global `fetch` by default. The API passes one that
   * refuses private networks unless the bot allows them.
   */
  fetch?: typeof fetch;
  /** Every HTTP call: latency, token usage, outcome. Never holds the API key. */
  onCall?: (record: LlmCallRecord) => void;
  onEvent?: (event: LlmParserEvent) => void;
  /** Test seams. */
  clock?: { now?: () => number; sleep?: (ms: number) => Promise<void>; random?: () => number };
}

export interface LlmParserStatus {
  circuit: CircuitState;
  queued: number;
  inFlight: number;
  responseFormat: ResponseFormatMode;
  logprobs: boolean;
  cachedReplies: number;
}

/** The zero-shot LLM parser: an `NluParser` whose `parse` never throws. */
export interface LlmParser extends NluParser {
  /** Like `parse`, with why: understood, unknown intent, not understood, or which failure. */
  parseDetailed(text: string, options?: ParseOptions): Promise<LlmParseOutcome>;
  status(): LlmParserStatus;
}

/**
 * Creates the zero-shot parser for one bot and one OpenAI-compatible endpoint (Ollama, vLLM,
 * llama.cpp, LM Studio, OpenAI, gateways). Failures (timeout, refused connection, open circuit,
 * endpoint errors) return the fallback intent with `source: 'none'`; an unusable reply returns it
 * with `source: 'llm'`.
 *
 * @example
 * const parser = createLlmParser({
 *   bot: { intents, entities },
 *   settings: { baseUrl: 'http://localhost:11434/v1', model: 'qwen2.5:7b-instruct', timeoutMs: 10_000 },
 *   fallbackIntentId: settings.dialogue.fallbackIntentId,
 *   onCall: (call) => metrics.observe(call),
 * });
 * const { intent, entities } = await parser.parse('book a table for two tomorrow');
 */
export function createLlmParser(params: CreateLlmParserParams): LlmParser {
  const options = ZLlmParserOptions.parse(params.options ?? {});
  const fallbackIntentId = params.fallbackIntentId ?? DEFAULT_FALLBACK_INTENT;
  const prompt = buildLlmPrompt(params.bot, fallbackIntentId, options);
  const normalizer =
    params.normalizer ??
    withSystemEntities(createDefaultEntityNormalizer(params.bot.entities), params.bot.language);
  const breaker = createCircuitBreaker({
    ...options.breaker,
    now: params.clock?.now,
    onStateChange: (state) => params.onEvent?.({ type: 'circuit_state', state }),
  });
  const client = createLlmClient({
    settings: params.settings,
    options,
    ...(params.fetch && { fetch: params.fetch }),
    breaker,
    onCall: params.onCall,
    onEvent: params.onEvent,
    sleep: params.clock?.sleep,
    random: params.clock?.random,
  });
  const cache =
    options.cacheSize > 0
      ? new LRUCache<string, Interpretation>({
          max: options.cacheSize,
          ...(options.cacheTtlMs > 0 && { ttl: options.cacheTtlMs }),
        })
      : null;
  const outcomeContext = { prompt, normalizer, fallbackIntentId };
  const failed = (failure: LlmFailure): LlmParseOutcome => ({
    kind: 'failed',
    result: fallbackResult(fallbackIntentId, 'none'),
    failure,
  });

  const parseDetailed = async (
    text: string,
    parseOptions: ParseOptions = {},
  ): Promise<LlmParseOutcome> => {
    try {
      const key = `${parseOptions.expectedEntity ?? ''}\u0000${text}`;
      const hit = cache?.get(key);
      if (hit) return await toOutcome(hit, text, parseOptions, true, outcomeContext);
      const asked = await ask(client, prompt, text, parseOptions, params.onEvent);
      if (asked.kind === 'failed') return failed(asked.failure);
      if (asked.kind === 'invalid') {
        return {
          kind: 'not_understood',
          result: fallbackResult(fallbackIntentId, 'llm'),
          error: asked.error,
        };
      }
      const interpretation = interpret(
        asked.reply,
        asked.logprobs,
        options.calibration,
        prompt.intentIds,
      );
      cache?.set(key, interpretation);
      const outcome = await toOutcome(interpretation, text, parseOptions, false, outcomeContext);
      if (outcome.kind === 'unknown_intent')
        params.onEvent?.({ type: 'unknown_intent', intent: outcome.said });
      return outcome;
    } catch (error) {
      const message = redactSecret(
        error instanceof Error ? error.message : String(error),
        params.settings.apiKey,
      );
      return failed({ kind: 'internal', message });
    }
  };

  return {
    parseDetailed,
    parse: async (text, parseOptions) => (await parseDetailed(text, parseOptions)).result,
    status: () => ({
      circuit: breaker.state(),
      ...client.load(),
      ...client.format(),
      cachedReplies: cache?.size ?? 0,
    }),
  };
}

type Asked =
  | { kind: 'reply'; reply: Interpretation['reply']; logprobs: Parameters<typeof interpret>[1] }
  | { kind: 'invalid'; error: string }
  | { kind: 'failed'; failure: LlmFailure };

/** One call; an invalid reply is sent back once with the validation error. */
async function ask(
  client: LlmClient,
  prompt: LlmPrompt,
  text: string,
  options: ParseOptions,
  onEvent: CreateLlmParserParams['onEvent'],
): Promise<Asked> {
  const messages: ChatMessage[] = [
    { role: 'system', content: prompt.system },
    {
      role: 'user',
      content: buildUserMessage(
        text,
        options.expectedEntity,
        options.expectedEntity ? prompt.questions.get(options.expectedEntity) : undefined,
      ),
    },
  ];
  const first = await client.complete({
    messages,
    jsonSchema: prompt.jsonSchema,
    purpose: 'parse',
  });
  if (!first.ok) return { kind: 'failed', failure: first.failure };
  const firstCheck = validateReply(first.content);
  if (firstCheck.ok) return { kind: 'reply', reply: firstCheck.reply, logprobs: first.logprobs };
  onEvent?.({ type: 'invalid_reply', attempt: 0, error: firstCheck.error });

  const repair: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: first.content.slice(0, MAX_ECHOED_REPLY_CHARS) },
    {
      role: 'user',
      content: `That reply was invalid: ${firstCheck.error}\nReply again with only the JSON object, following the format exactly.`,
    },
  ];
  const second = await client.complete({
    messages: repair,
    jsonSchema: prompt.jsonSchema,
    purpose: 'repair',
  });
  if (!second.ok) return { kind: 'failed', failure: second.failure };
  const secondCheck = validateReply(second.content);
  if (secondCheck.ok) return { kind: 'reply', reply: secondCheck.reply, logprobs: second.logprobs };
  onEvent?.({ type: 'invalid_reply', attempt: 1, error: secondCheck.error });
  return { kind: 'invalid', error: secondCheck.error };
}
