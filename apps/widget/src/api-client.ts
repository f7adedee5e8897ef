import { retryAfterMs } from './backoff.js';

export interface QuickReply {
  title: string;
  payload?: string;
}
export interface Button {
  title: string;
  payload?: string;
  url?: string;
}
export interface BotMessage {
  text: string;
  quickReplies?: QuickReply[];
  buttons?: Button[];
}

/** The look settings the API serves for the widget (`widget/config`). */
export interface WidgetLook {
  title?: string;
  greeting?: string;
  primaryColor?: string;
  position?: 'bottom-right' | 'bottom-left';
  language?: string;
}

export interface ChatReply {
  threadId: string;
  threadToken?: string;
  seq: number;
  messages: BotMessage[];
}

export interface Turn {
  seq: number;
  userText: string | null;
  messages: BotMessage[];
}

export interface ChatRequest {
  threadId?: string;
  threadToken?: string;
  text?: string;
  event?: 'welcome';
  context: Record<string, unknown>;
  clientMessageId: string;
}

/** A failed call: the network (no answer at all) or an HTTP problem. */
export type Failure =
  | { kind: 'network' }
  | { kind: 'http'; status: number; code: string; detail: string; retryAfterMs: number | null };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export interface ApiClient {
  config(): Promise<Result<WidgetLook>>;
  chat(request: ChatRequest): Promise<Result<ChatReply>>;
  transcript(threadId: string, threadToken: string): Promise<Result<Turn[]>>;
}

/** The widget's calls to the Parley API; every failure comes back as a value, never thrown. */
export function createApiClient(options: {
  apiUrl: string;
  botId: string;
  publicKey: string;
  fetch?: typeof fetch;
}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const bot = `${options.apiUrl.replace(/\/+$/, '')}/api/v1/bots/${encodeURIComponent(options.botId)}`;

  async function call<T>(path: string, init: RequestInit, token?: string): Promise<Result<T>> {
    const headers: Record<string, string> = { 'X-Parley-Key': options.publicKey };
    if (init.body) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Parley-Thread-Token'] = token;
    let res: Response;
    try {
      res = await doFetch(bot + path, { ...init, headers, credentials: 'omit', mode: 'cors' });
    } catch {
      return { ok: false, failure: { kind: 'network' } };
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // an empty or non-JSON answer: a proxy's error page, a dropped body
      if (res.ok) return { ok: false, failure: { kind: 'network' } };
    }
    if (res.ok) return { ok: true, value: body as T };
    const problem = (body ?? {}) as { code?: unknown; detail?: unknown; title?: unknown };
    return {
      ok: false,
      failure: {
        kind: 'http',
        status: res.status,
        code: typeof problem.code === 'string' ? problem.code : `HTTP_${res.status}`,
        detail: String(problem.detail ?? problem.title ?? res.statusText),
        retryAfterMs: retryAfterMs(res.headers.get('Retry-After')),
      },
    };
  }

  return {
    config: () => call<WidgetLook>('/widget/config', { method: 'GET' }),
    async chat({ threadToken, ...request }) {
      return call<ChatReply>(
        '/chat',
        { method: 'POST', body: JSON.stringify(request) },
        threadToken,
      );
    },
    async transcript(threadId, threadToken) {
      const result = await call<{ turns: Turn[] }>(
        `/threads/${encodeURIComponent(threadId)}/messages`,
        { method: 'GET' },
        threadToken,
      );
      return result.ok ? { ok: true, value: result.value.turns } : result;
    },
  };
}
