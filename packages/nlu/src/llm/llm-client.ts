import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import PQueue from 'p-queue';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { TokenLogprob } from './llm-confidence.js';
import {
  DEFAULT_TIMEOUT_MS,
  normalizeBaseUrl,
  RESPONSE_FORMATS,
  type LlmEndpointSettings,
  type LlmParserOptions,
  type ResponseFormatMode,
} from './llm-options.js';
import type { LlmCallRecord, LlmFailure, LlmFailureKind, LlmParserEvent } from './llm-types.js';
import { redactSecret } from './redact.js';

/** Some servers send the key without one; the SDK insists on a value. */
const NO_API_KEY = 'unused';
const SILENT_LOGGER = { error() {}, warn() {}, info() {}, debug() {} };

export type ChatMessage = ChatCompletionMessageParam;

export interface ChatRequest {
  messages: ChatMessage[];
  jsonSchema: Record<string, unknown>;
  purpose: LlmCallRecord['purpose'];
}

export type ChatOutcome =
  | { ok: true; content: string; logprobs: TokenLogprob[] | null }
  | { ok: false; failure: LlmFailure };

/** One OpenAI-compatible endpoint with timeout, retries, circuit breaker, concurrency limit and format step-down. */
export interface LlmClient {
  complete(request: ChatRequest): Promise<ChatOutcome>;
  /** Calls waiting for a slot, and in flight. */
  load(): { queued: number; inFlight: number };
  format(): { responseFormat: ResponseFormatMode; logprobs: boolean };
}

export interface LlmClientDeps {
  settings: LlmEndpointSettings;
  options: LlmParserOptions;
  breaker: CircuitBreaker;
  onCall?: (record: LlmCallRecord) => void;
  onEvent?: (event: LlmParserEvent) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
}

type AttemptResult = ChatOutcome & { retryAfterMs?: number; downgradable?: boolean };

export function createLlmClient(deps: LlmClientDeps): LlmClient {
  const { settings, options, breaker } = deps;
  const model = settings.model ?? '';
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep =
    deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const redact = (text: string) => redactSecret(text, settings.apiKey);
  const queue = new PQueue({ concurrency: options.maxConcurrency });
  const client =
    model && isUrl(settings.baseUrl) ? createSdkClient(settings, timeoutMs, deps.fetch) : null;
  let responseFormat = options.responseFormat;
  let logprobs = options.logprobs;

  const attemptOnce = async (request: ChatRequest, attempt: number): Promise<AttemptResult> => {
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const record = { model, purpose: request.purpose, attempt, responseFormat, logprobs };
    try {
      const completion = await client!.chat.completions.create(requestBody(request), {
        timeout: timeoutMs,
        maxRetries: 0,
        signal: controller.signal,
      });
      const choice = completion.choices[0];
      deps.onCall?.({
        ...record,
        outcome: 'ok',
        status: 200,
        latencyMs: Math.round(performance.now() - started),
        promptTokens: completion.usage?.prompt_tokens,
        completionTokens: completion.usage?.completion_tokens,
        totalTokens: completion.usage?.total_tokens,
      });
      const tokens =
        choice?.logprobs?.content?.map(({ token, logprob, top_logprobs }) => ({
          token,
          logprob,
          top: top_logprobs?.map((top) => ({ token: top.token, logprob: top.logprob })),
        })) ?? null;
      return {
        ok: true,
        content: choice?.message?.content ?? '',
        logprobs: tokens?.length ? tokens : null,
      };
    } catch (error) {
      const result = classify(error, redact);
      if (!result.ok) {
        const { kind, status, message } = result.failure;
        const latencyMs = Math.round(performance.now() - started);
        deps.onCall?.({ ...record, outcome: kind, status, latencyMs, error: message });
      }
      return result;
    } finally {
      clearTimeout(timer);
    }
  };

  const requestBody = (request: ChatRequest): ChatCompletionCreateParamsNonStreaming => ({
    model,
    messages: request.messages,
    temperature: options.temperature,
    max_tokens: options.maxTokens,
    ...(responseFormat === 'json_schema' && {
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'nlu_parse', strict: true, schema: request.jsonSchema },
      },
    }),
    ...(responseFormat === 'json_object' && { response_format: { type: 'json_object' } }),
    ...(logprobs && { logprobs: true }),
    ...(logprobs && options.topLogprobs > 0 && { top_logprobs: options.topLogprobs }),
  });

  /** A 400 usually means an unsupported option: drop logprobs or step the format down, once each. */
  const downgrade = (message: string): boolean => {
    if (logprobs && /logprob/i.test(message)) logprobs = false;
    else if (responseFormat !== 'text')
      responseFormat = RESPONSE_FORMATS[RESPONSE_FORMATS.indexOf(responseFormat) + 1]!;
    else if (logprobs) logprobs = false;
    else return false;
    deps.onEvent?.({ type: 'format_downgraded', responseFormat, logprobs });
    return true;
  };

  /** The record of a call refused before it went out. */
  const skipped = (request: ChatRequest) => ({
    model,
    purpose: request.purpose,
    attempt: 0,
    latencyMs: 0,
    responseFormat,
    logprobs,
  });

  const backoffMs = (retry: number, retryAfterMs: number | undefined): number => {
    if (retryAfterMs !== undefined) return Math.min(options.backoffMaxMs, retryAfterMs);
    return Math.round(
      random() * Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** retry),
    );
  };

  return {
    async complete(request) {
      if (!client) {
        const message = model
          ? 'The LLM base URL is not a valid URL.'
          : 'No LLM model is configured.';
        return { ok: false, failure: { kind: 'not_configured', message } };
      }
      if (queue.size >= options.maxQueued) {
        const failure: LlmFailure = {
          kind: 'overloaded',
          message: 'Too many LLM calls are waiting.',
        };
        deps.onCall?.({ ...skipped(request), outcome: 'overloaded' });
        return { ok: false, failure };
      }
      if (!breaker.tryAcquire()) {
        const failure: LlmFailure = {
          kind: 'circuit_open',
          message: 'The LLM endpoint is failing; calls are paused.',
        };
        deps.onCall?.({ ...skipped(request), outcome: 'circuit_open' });
        return { ok: false, failure };
      }
      let retries = 0;
      for (let attempt = 0; ; attempt += 1) {
        const result = await queue.add(() => attemptOnce(request, attempt));
        if (result.ok) {
          breaker.recordSuccess();
          return { ok: true, content: result.content, logprobs: result.logprobs };
        }
        if (result.downgradable && downgrade(result.failure.message)) continue;
        const retryable =
          result.failure.kind === 'rate_limited' || result.failure.kind === 'server_error';
        if (retryable && retries < options.retries) {
          await sleep(backoffMs(retries, result.retryAfterMs));
          retries += 1;
          continue;
        }
        breaker.recordFailure();
        return { ok: false, failure: result.failure };
      }
    },
    load: () => ({ queued: queue.size, inFlight: queue.pending }),
    format: () => ({ responseFormat, logprobs }),
  };
}

function createSdkClient(
  settings: LlmEndpointSettings,
  timeoutMs: number,
  fetch: typeof globalThis.fetch | undefined,
): OpenAI {
  // Every option the SDK would otherwise read from OPENAI_* environment variables is set here:
  // a bot's endpoint must never receive the operator's own OpenAI key or organization.
  return new OpenAI({
    baseURL: normalizeBaseUrl(settings.baseUrl),
    apiKey: settings.apiKey || NO_API_KEY,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
    logger: SILENT_LOGGER,
    ...(fetch && { fetch }),
  });
}

function isUrl(baseUrl: string | undefined): boolean {
  return baseUrl === undefined || URL.canParse(baseUrl);
}

function classify(error: unknown, redact: (text: string) => string): AttemptResult {
  const message = redact(error instanceof Error ? error.message : String(error));
  const fail = (
    kind: LlmFailureKind,
    status?: number,
    extra: { retryAfterMs?: number; downgradable?: boolean } = {},
  ): AttemptResult => ({
    ok: false,
    failure: { kind, ...(status !== undefined && { status }), message },
    ...extra,
  });
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return fail('timeout');
  if (error instanceof APIConnectionError) return fail('connection');
  if (!(error instanceof APIError) || error.status === undefined) return fail('connection');
  const status = error.status;
  if (status === 429)
    return fail('rate_limited', status, { retryAfterMs: retryAfter(error.headers) });
  if (status >= 500)
    return fail('server_error', status, { retryAfterMs: retryAfter(error.headers) });
  return fail('http_error', status, { downgradable: status === 400 || status === 422 });
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after-ms') ?? null;
  if (value !== null && Number.isFinite(Number(value))) return Number(value);
  const seconds = headers?.get('retry-after') ?? null;
  if (seconds !== null && Number.isFinite(Number(seconds))) return Number(seconds) * 1000;
  return undefined;
}
