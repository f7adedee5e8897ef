import type { OutgoingMessage } from './outgoing-messages.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 500;
/** Graph's "calls to this API have exceeded the rate limit". */
const RATE_LIMITED = 613;
/** Graph's "invalid OAuth access token": the page token is wrong, expired or revoked. */
const BAD_TOKEN = 190;

export interface GraphClientOptions {
  /** `https://graph.facebook.com`, or a local server in tests. */
  baseUrl: string;
  /** Graph API version, e.g. `v23.0`. */
  version: string;
  timeoutMs?: number;
  /** Retries after the first attempt, on 5xx, 429, code 613 and network errors. */
  retries?: number;
  /** First pause before a retry; each further one doubles (with jitter). */
  retryBaseMs?: number;
  fetch?: typeof fetch;
}

export type SendFailure = {
  ok: false;
  /** `token`: code 190; `rejected`: another 4xx (not retried); `unavailable`: retries ran out. */
  kind: 'token' | 'rejected' | 'unavailable';
  status: number | null;
  code: number | null;
  message: string;
  retries: number;
};

export type SendResult = { ok: true; messageId: string | null; retries: number } | SendFailure;

/** Facebook's Send API: `POST {baseUrl}/{version}/me/messages`. */
export interface GraphClient {
  sendMessage(
    pageToken: string,
    recipientId: string,
    message: OutgoingMessage,
  ): Promise<SendResult>;
  senderAction(
    pageToken: string,
    recipientId: string,
    action: 'typing_on' | 'typing_off' | 'mark_seen',
  ): Promise<SendResult>;
}

/**
 * The Send API client. The page token travels in the `Authorization` header, never in the
 * URL, so no request log can show it. Replies go out as `messaging_type: "RESPONSE"`.
 *
 * @example
 * const graph = createGraphClient({ baseUrl: 'https://graph.facebook.com', version: 'v23.0' });
 * const sent = await graph.sendMessage(token, psid, { text: 'Hi!' });
 * if (!sent.ok && sent.kind === 'token') markUnhealthy();
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/${options.version}/me/messages`;
  const doFetch = options.fetch ?? fetch;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const retryBaseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function post(pageToken: string, body: object, maxRetries: number): Promise<SendResult> {
    let last: SendFailure | undefined;
    for (let attempt = 0; attempt <= maxRetries; attempt += 1) {
      if (attempt > 0) await pause(retryBaseMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
      const result = await postOnce(pageToken, body, attempt);
      if (result.ok || result.kind !== 'unavailable') return result;
      last = result;
    }
    return last!;
  }

  async function postOnce(pageToken: string, body: object, retried: number): Promise<SendResult> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${pageToken}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const message =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : `network error: ${(error as Error).message}`;
      return {
        ok: false,
        kind: 'unavailable',
        status: null,
        code: null,
        message,
        retries: retried,
      };
    }
    const answer = (await response.json().catch(() => null)) as GraphAnswer | null;
    if (response.ok) return { ok: true, messageId: answer?.message_id ?? null, retries: retried };
    const code = typeof answer?.error?.code === 'number' ? answer.error.code : null;
    const message = `Graph API ${response.status}${code === null ? '' : ` (code ${code})`}: ${
      answer?.error?.message ?? response.statusText
    }`;
    const kind =
      code === BAD_TOKEN
        ? 'token'
        : response.status >= 500 || response.status === 429 || code === RATE_LIMITED
          ? 'unavailable'
          : 'rejected';
    return { ok: false, kind, status: response.status, code, message, retries: retried };
  }

  return {
    sendMessage: (pageToken, recipientId, message) =>
      post(
        pageToken,
        { recipient: { id: recipientId }, messaging_type: 'RESPONSE', message },
        retries,
      ),
    // A typing indicator is a courtesy: one attempt, and the reply never waits for retries.
    senderAction: (pageToken, recipientId, action) =>
      post(pageToken, { recipient: { id: recipientId }, sender_action: action }, 0),
  };
}

interface GraphAnswer {
  message_id?: string;
  error?: { message?: string; code?: number };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
