import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test can make the next message request answer. */
export type GraphFailure = 500 | 400 | 190 | 613 | { status: number; body: unknown };

export interface GraphRequest {
  token: string | null;
  body: Record<string, unknown>;
  /** The status the fake answered with (null while a request is held). */
  status: number | null;
}

export interface DeliveredMessage {
  recipientId: string;
  message: Record<string, unknown>;
  messageId: string;
}

export interface FakeGraphServer {
  /** Base URL to use as MESSENGER_GRAPH_URL. */
  url: string;
  version: string;
  /** Every request, in arrival order. */
  requests: GraphRequest[];
  /** Messages answered with 200, in order (optionally only those to one recipient). */
  delivered(recipientId?: string): DeliveredMessage[];
  /** Sender actions (typing_on …) received, in order, with their recipient. */
  senderActions(recipientId?: string): string[];
  /** The next message requests get these answers, one each, in order. */
  failNextMessages(...failures: GraphFailure[]): void;
  /** Message requests wait unanswered until the returned function is called. */
  holdMessages(): () => void;
  /** Resolves once `predicate` holds, polling; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const LIMITS = { text: 2000, quickReplies: 13, quickReplyTitle: 20 };

/**
 * A stand-in for Facebook's Graph API that speaks the Send API on a loopback port:
 * `POST /{version}/me/messages` with a page token (Authorization header or `access_token`
 * query), Meta's error bodies (`{error:{message,type,code,fbtrace_id}}`: 190 for a token it
 * does not know, 100 for an invalid parameter) and `{recipient_id, message_id}` on success.
 */
export async function startFakeGraphServer(options: {
  /** Page tokens the fake accepts. */
  tokens: string[];
  version?: string;
  /** A loopback port to listen on; any free one when absent. */
  port?: number;
}): Promise<FakeGraphServer> {
  const version = options.version ?? 'v23.0';
  const requests: GraphRequest[] = [];
  const delivered: DeliveredMessage[] = [];
  const actions: Array<{ recipientId: string; action: string }> = [];
  const failures: GraphFailure[] = [];
  let held: Array<() => void> | null = null;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const token = bearer ?? url.searchParams.get('access_token');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw || '{}') as Record<string, unknown>;
      } catch {
        // answered below as an invalid parameter
      }
      const record: GraphRequest = { token, body, status: null };
      requests.push(record);
      const answer = (status: number, json: unknown) => {
        record.status = status;
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      };
      const respond = () => handle(url, token, body, answer);
      if (held && 'message' in body) held.push(respond);
      else respond();
    });
  });

  function handle(
    url: URL,
    token: string | null,
    body: Record<string, unknown>,
    answer: (status: number, json: unknown) => void,
  ): void {
    if (url.pathname !== `/${version}/me/messages`)
      return answer(400, graphError(2500, 'Unknown path components', 'OAuthException'));
    if (!token || !options.tokens.includes(token))
      return answer(
        400,
        graphError(190, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException'),
      );
    const recipient = (body.recipient as { id?: unknown } | undefined)?.id;
    if (typeof recipient !== 'string')
      return answer(400, graphError(100, '(#100) The parameter recipient is required'));
    if (typeof body.sender_action === 'string') {
      actions.push({ recipientId: recipient, action: body.sender_action });
      return answer(200, { recipient_id: recipient });
    }
    const failure = failures.shift();
    if (failure !== undefined) {
      const [status, json] = failureAnswer(failure);
      return answer(status, json);
    }
    const problem = invalidMessage(body);
    if (problem) return answer(400, graphError(100, `(#100) ${problem}`));
    const messageId = `m_${randomBytes(12).toString('base64url')}`;
    delivered.push({
      recipientId: recipient,
      message: body.message as Record<string, unknown>,
      messageId,
    });
    answer(200, { recipient_id: recipient, message_id: messageId });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    version,
    requests,
    delivered: (recipientId) =>
      delivered.filter((item) => recipientId === undefined || item.recipientId === recipientId),
    senderActions: (recipientId) =>
      actions
        .filter((item) => recipientId === undefined || item.recipientId === recipientId)
        .map((item) => item.action),
    failNextMessages: (...next) => failures.push(...next),
    holdMessages() {
      held = [];
      return () => {
        const waiting = held ?? [];
        held = null;
        for (const respond of waiting) respond();
      };
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('fake Graph API: condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function graphError(code: number, message: string, type = 'OAuthException') {
  return { error: { message, type, code, fbtrace_id: randomBytes(8).toString('base64url') } };
}

function failureAnswer(failure: GraphFailure): [number, unknown] {
  switch (failure) {
    case 500:
      return [
        500,
        graphError(2, 'An unexpected error has occurred. Please retry your request later.'),
      ];
    case 400:
      return [400, graphError(100, '(#100) No matching user found')];
    case 190:
      return [400, graphError(190, 'Error validating access token: Session has expired')];
    case 613:
      return [400, graphError(613, 'Calls to this api have exceeded the rate limit.')];
    default:
      return [failure.status, failure.body];
  }
}

/** The checks the real Send API makes that Parley's messages must pass. */
function invalidMessage(body: Record<string, unknown>): string | null {
  if (body.messaging_type === undefined) return 'param messaging_type is required';
  const message = body.message as Record<string, unknown> | undefined;
  if (!message || typeof message !== 'object') return 'param message must be an object';
  const text = message.text;
  if (text === undefined && message.attachment === undefined)
    return 'param message must have text or an attachment';
  if (typeof text === 'string' && (text.length === 0 || text.length > LIMITS.text))
    return `param message[text] must be a UTF-8 encoded string of at most ${LIMITS.text} characters`;
  const quickReplies = message.quick_replies as Array<Record<string, unknown>> | undefined;
  if (quickReplies) {
    if (quickReplies.length > LIMITS.quickReplies)
      return `param message[quick_replies] must have at most ${LIMITS.quickReplies} items`;
    for (const quickReply of quickReplies) {
      const title = quickReply.title;
      if (typeof title !== 'string' || title.length > LIMITS.quickReplyTitle)
        return `param title must be at most ${LIMITS.quickReplyTitle} characters`;
      if (typeof quickReply.payload !== 'string' || quickReply.payload.length === 0)
        return 'param payload must be a non-empty string';
    }
  }
  return null;
}
