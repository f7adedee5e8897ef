import { z } from 'zod';

/** How the reply format is requested; the client steps down this list when a server refuses one. */
export const RESPONSE_FORMATS = ['json_schema', 'json_object', 'text'] as const;
export type ResponseFormatMode = (typeof RESPONSE_FORMATS)[number];

/**
 * Operational knobs of the LLM parser. The defaults live here, so this schema is the documentation.
 * The endpoint itself (base URL, model, key, timeout) comes from the bot's settings.
 */
export const ZLlmParserOptions = z.object({
  /** Calls in flight to the endpoint at once (per parser); more wait in a queue. */
  maxConcurrency: z.number().int().min(1).max(256).default(4),
  /** Calls allowed to wait for a slot; beyond that a message fails fast as `overloaded`. */
  maxQueued: z.number().int().min(0).max(100_000).default(100),
  /** Replies remembered per (text, expected entity); 0 disables the cache. */
  cacheSize: z.number().int().min(0).max(100_000).default(500),
  cacheTtlMs: z
    .number()
    .int()
    .min(0)
    .default(10 * 60_000),
  /** Extra attempts after a 429 or 5xx, with full-jitter exponential backoff. */
  retries: z.number().int().min(0).max(10).default(2),
  backoffBaseMs: z.number().int().min(0).default(250),
  backoffMaxMs: z.number().int().min(0).default(4_000),
  breaker: z
    .object({
      /** Consecutive failed requests that open the circuit. */
      failureThreshold: z.number().int().min(1).default(5),
      /** How long an open circuit refuses calls before one trial call is let through. */
      cooldownMs: z.number().int().min(0).default(30_000),
    })
    .prefault({}),
  /** First format tried; a 400 steps down json_schema → json_object → text, remembered per parser. */
  responseFormat: z.enum(RESPONSE_FORMATS).default('json_schema'),
  /** Ask for token logprobs (dropped when the server refuses them). */
  logprobs: z.boolean().default(true),
  /** Alternatives per token with logprobs (0–20); they rank the runner-up intents. */
  topLogprobs: z.number().int().min(0).max(20).default(5),
  temperature: z.number().min(0).max(2).default(0),
  maxTokens: z.number().int().min(16).max(8_192).default(512),
  /** Prompt size: training examples per intent, lookup values per entity, synonyms per value. */
  examplesPerIntent: z.number().int().min(0).max(50).default(3),
  maxValuesPerEntity: z.number().int().min(0).max(1_000).default(50),
  maxSynonymsPerValue: z.number().int().min(0).max(100).default(5),
  /**
   * Self-reported confidence is shrunk toward `prior` and capped:
   * `min(cap, prior + weight × (reported − prior))`. LLMs report 0.9–1.0 for nearly everything;
   * with the defaults 1.0 → 0.9, 0.9 → 0.82, 0.7 → 0.66, 0.5 → 0.5, a missing score → 0.5.
   */
  calibration: z
    .object({
      prior: z.number().min(0).max(1).default(0.5),
      weight: z.number().min(0).max(1).default(0.8),
      cap: z.number().min(0).max(1).default(0.95),
    })
    .prefault({}),
});
export type LlmParserOptions = z.infer<typeof ZLlmParserOptions>;
export type LlmParserOptionsInput = z.input<typeof ZLlmParserOptions>;

/** The endpoint, as stored in `BotSettings.nlu.llm`. */
export interface LlmEndpointSettings {
  /** OpenAI-compatible base URL, e.g. `http://localhost:11434/v1`; a bare origin gets `/v1`. */
  baseUrl?: string;
  model?: string;
  /** Secret: sent as the bearer token, redacted from every message this module produces. */
  apiKey?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_TIMEOUT_MS = 10_000;

/** A bare origin (`http://host:11434`) means the conventional `/v1` root of OpenAI-compatible servers. */
export function normalizeBaseUrl(baseUrl: string | undefined): string {
  if (!baseUrl) return DEFAULT_BASE_URL;
  const url = new URL(baseUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1';
  return url.toString().replace(/\/+$/, '');
}
