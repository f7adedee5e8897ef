import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One token of a reply, in the shape `/v1/chat/completions` returns with `logprobs: true`. */
export interface FakeTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] }>;
}

/** What the server does for one request. Every field is optional: the default is an empty 200. */
export interface FakeStep {
  /** HTTP status; 200 by default. */
  status?: number;
  /** Wait this long before answering (a slow model). */
  delayMs?: number;
  /** The assistant message content of a 200 reply. */
  content?: string;
  /**
   * Token log-probabilities for `content`: `true` returns every token with logprob 0, a function
   * picks each token's logprob. Absent or `false`: no logprobs (as many servers do).
   */
  logprobs?: boolean | ((token: string, index: number) => number);
  /** Extra `top_logprobs` entries for a token of the reply, by its text: `{ greet: [['book', -2]] }`. */
  alternatives?: Record<string, Array<[token: string, logprob: number]>>;
  /** A raw body instead of a chat completion (an error object, invalid JSON …). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeRequest {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export type FakeHandler = (request: FakeRequest) => FakeStep;

export interface FakeOpenAiServer {
  /** `http://127.0.0.1:<port>/v1`: what `baseUrl` in the bot's settings holds. */
  readonly baseUrl: string;
  /** Requests received on `/v1/chat/completions`, oldest first. */
  readonly requests: FakeRequest[];
  /** Most requests that were open at the same time (checks a concurrency limit). */
  peakConcurrency(): number;
  /** Scripts the next replies, answered in order; when the script is empty the handler answers. */
  enqueue(...steps: FakeStep[]): void;
  /** Answers requests when nothing is enqueued. */
  setHandler(handler: FakeHandler): void;
  close(): Promise<void>;
}

/** Splits a reply into word, number, space and punctuation tokens, as a tokenizer roughly would. */
export function fakeTokenize(content: string): string[] {
  return content.match(/\s+|[\p{L}_]+|\p{N}+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/** A complete `chat.completion` body, as OpenAI, Ollama, vLLM and llama.cpp return it. */
export function chatCompletionBody(step: FakeStep, model: string): Record<string, unknown> {
  const content = step.content ?? '';
  const tokens = fakeTokenize(content);
  const pick = typeof step.logprobs === 'function' ? step.logprobs : () => 0;
  const logprobs = step.logprobs
    ? {
        content: tokens.map((token, index) => {
          const bytes = [...Buffer.from(token, 'utf8')];
          const logprob = pick(token, index);
          const others = (step.alternatives?.[token] ?? []).map(([alternative, lp]) => ({
            token: alternative,
            logprob: lp,
            bytes: [...Buffer.from(alternative, 'utf8')],
          }));
          return { token, logprob, bytes, top_logprobs: [{ token, logprob, bytes }, ...others] };
        }),
        refusal: null,
      }
    : null;
  const completionTokens = tokens.length;
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: 100,
      completion_tokens: completionTokens,
      total_tokens: 100 + completionTokens,
    },
  };
}

/**
 * A loopback server that speaks `POST /v1/chat/completions`, scripted per test.
 *
 * @example
 * const server = await startFakeOpenAiServer();
 * server.enqueue({ status: 429 }, { content: '{"intent":"greet","entities":[],"confidence":0.9}' });
 * // … point the parser at server.baseUrl …
 * await server.close();
 */
export async function startFakeOpenAiServer(handler?: FakeHandler): Promise<FakeOpenAiServer> {
  const requests: FakeRequest[] = [];
  const script: FakeStep[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let open = 0;
  let peak = 0;
  let fallbackHandler: FakeHandler = handler ?? (() => ({ content: '{}' }));

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        return send(res, { status: 404, body: { error: { message: 'not found' } } }, 'unknown');
      }
      open += 1;
      peak = Math.max(peak, open);
      res.on('close', () => (open -= 1));
      const body = parseBody(Buffer.concat(chunks).toString('utf8'));
      const request = { headers: req.headers, body };
      requests.push(request);
      const step = script.shift() ?? fallbackHandler(request);
      const model = typeof body['model'] === 'string' ? body['model'] : 'fake';
      if (!step.delayMs) return send(res, step, model);
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(res, step, model);
      }, step.delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    peakConcurrency: () => peak,
    enqueue: (...steps) => void script.push(...steps),
    setHandler: (next) => void (fallbackHandler = next),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, step: FakeStep, model: string): void {
  if (res.destroyed) return;
  const status = step.status ?? 200;
  const body =
    step.body !== undefined
      ? step.body
      : status === 200
        ? chatCompletionBody(step, model)
        : { error: { message: `fake error ${status}`, type: 'server_error' } };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...step.headers });
  res.end(text);
}

function parseBody(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A port on loopback where nothing listens: connecting to it is refused. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
