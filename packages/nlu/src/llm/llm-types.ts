import type { ParseResult } from '../types.js';
import type { ResponseFormatMode } from './llm-options.js';

/** What the prompt needs of an intent; a domain `IntentDefinition` fits. */
export interface LlmIntent {
  intentId: string;
  name: string;
  description?: string;
  trainingData?: ReadonlyArray<{ text: string }>;
  parameters?: ReadonlyArray<{ name: string; entity?: string; prompt?: string }>;
}

/** What the prompt and the default normalizer need of an entity type; a domain `EntityDefinition` fits. */
export interface LlmEntityType {
  name: string;
  values?: ReadonlyArray<{ value: string; synonyms?: readonly string[] }>;
  patterns?: readonly string[];
  /** The value may be absent from the message (e.g. a code the LLM normalized to). */
  allowUnlisted?: boolean;
}

export interface LlmBot {
  intents: readonly LlmIntent[];
  entities: readonly LlmEntityType[];
  /** The bot's language (an IETF tag such as `de` or `zh-CN`); English when absent. */
  language?: string;
}

/** Why a call to the endpoint produced no reply. */
export type LlmFailureKind =
  | 'not_configured'
  | 'circuit_open'
  | 'timeout'
  | 'connection'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  /** Too many calls already waiting for a slot. */
  | 'overloaded'
  /** A bug or a throwing injected normalizer: reported, never thrown at the caller. */
  | 'internal';

export interface LlmFailure {
  kind: LlmFailureKind;
  status?: number;
  /** Safe to log: the API key is redacted. */
  message: string;
}

/** One HTTP call (or one refused by the open circuit), for metrics. Never holds the API key. */
export interface LlmCallRecord {
  model: string;
  /** `parse` for the first call of a message, `repair` for the retry after an invalid reply. */
  purpose: 'parse' | 'repair';
  /** 0 for the first attempt, then 1, 2 … for retries after 429/5xx or a format step-down. */
  attempt: number;
  outcome: 'ok' | LlmFailureKind;
  status?: number;
  latencyMs: number;
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  responseFormat: ResponseFormatMode;
  logprobs: boolean;
  /** Redacted error text when the call failed. */
  error?: string;
}

/** Things worth a log line or a counter, reported instead of logged. */
export type LlmParserEvent =
  | { type: 'invalid_reply'; attempt: number; error: string }
  | { type: 'unknown_intent'; intent: string }
  | { type: 'format_downgraded'; responseFormat: ResponseFormatMode; logprobs: boolean }
  | { type: 'circuit_state'; state: CircuitState };

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Where a confidence came from. */
export type ConfidenceSource = 'logprobs' | 'self_reported';

/** The detailed answer of the LLM parser; `parse` returns its `result`. */
export type LlmParseOutcome =
  | { kind: 'understood'; result: ParseResult; confidenceSource: ConfidenceSource; cached: boolean }
  | { kind: 'unknown_intent'; result: ParseResult; said: string; cached: boolean }
  | { kind: 'not_understood'; result: ParseResult; error: string }
  | { kind: 'failed'; result: ParseResult; failure: LlmFailure };
