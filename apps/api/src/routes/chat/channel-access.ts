import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ApiKeyRepository, IntegrationRepository } from '@parley/store';
import { HttpProblem } from '../../http/problem.js';

export interface ChannelAccessDeps {
  integrations: IntegrationRepository;
  apiKeys: ApiKeyRepository;
}

/**
 * Who may chat with a bot:
 * - server to server: `Authorization: Bearer <key>` with the bot's REST channel secret
 *   (`integrations/rest` secret `apiKey`) or an admin API key;
 * - browsers (the widget): `X-Parley-Key: <public key>` of the widget integration, from an
 *   origin on its allowlist (answered with CORS headers);
 * - anyone, only when the REST integration says `allowAnonymous: true` (for old
 *   ai-chatbot-framework clients that send no key).
 * Returns the client identity used for rate limiting.
 */
export async function checkChannelAccess(
  deps: ChannelAccessDeps,
  botId: string,
  req: Request,
  res: Response,
): Promise<string> {
  const origin = req.headers.origin;
  const publicKey = req.headers['x-parley-key'];
  if (typeof publicKey === 'string') {
    const widget = await deps.integrations.get(botId, 'widget');
    const expected =
      typeof widget?.settings.publicKey === 'string' ? widget.settings.publicKey : null;
    if (!widget?.enabled || !expected || !safeEqual(publicKey, expected))
      throw unauthorized('Unknown public key for this bot.');
    const allowed = Array.isArray(widget.settings.allowedOrigins)
      ? (widget.settings.allowedOrigins as string[])
      : [];
    if (origin && !allowed.includes(origin)) {
      throw new HttpProblem({
        status: 403,
        code: 'ORIGIN_NOT_ALLOWED',
        title: 'Origin not allowed',
        detail: `${origin} is not on this bot's allowlist.`,
      });
    }
    if (origin) allowCors(res, origin);
    return `public:${req.ip}`;
  }

  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const secret = (await deps.integrations.getSecrets(botId, 'rest')).apiKey;
    if (secret && safeEqual(bearer, secret)) return `key:rest:${botId}`;
    const adminKey = await deps.apiKeys.verify(bearer);
    if (adminKey) return `key:${adminKey.id}`;
    throw unauthorized('Unknown key.');
  }

  const rest = await deps.integrations.get(botId, 'rest');
  if (rest?.enabled && rest.settings.allowAnonymous === true) return `anonymous:${req.ip}`;
  throw unauthorized('Send Authorization: Bearer <channel key> or X-Parley-Key: <public key>.');
}

/** Preflight for browsers: which origins the widget allows. */
export async function answerPreflight(
  deps: ChannelAccessDeps,
  botId: string,
  req: Request,
  res: Response,
): Promise<void> {
  const origin = req.headers.origin;
  const widget = await deps.integrations.get(botId, 'widget');
  const allowed = Array.isArray(widget?.settings.allowedOrigins)
    ? (widget.settings.allowedOrigins as string[])
    : [];
  if (origin && widget?.enabled && allowed.includes(origin)) {
    allowCors(res, origin);
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Parley-Key');
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.status(204).end();
}

function allowCors(res: Response, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem({
    status: 401,
    code: 'UNAUTHENTICATED',
    title: 'Channel access denied',
    detail,
  });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
