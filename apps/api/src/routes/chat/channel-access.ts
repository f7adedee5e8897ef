import type { Request, Response } from 'express';
import { safeEqual } from '../../auth/safe-equal.js';
import { readChannelSettings } from '@parley/domain';
import type { ApiKeyRepository, IntegrationRepository } from '@parley/store';
import { HttpProblem } from '../../http/problem.js';

export interface ChannelAccessDeps {
  integrations: Pick<IntegrationRepository, 'get' | 'getSecrets'>;
  apiKeys: Pick<ApiKeyRepository, 'verify'>;
}

/** Who is chatting, as far as the channel is concerned. */
export interface ChannelAccess {
  /** The identity rate limits count against. */
  client: string;
  /** Recorded on the turn. */
  channel: 'rest' | 'widget';
  /** End users may force any intent (`/intent{…}`), not only payloads the bot offered. */
  allowForcedIntents: boolean;
}

/**
 * Who may chat with a bot:
 * - server to server: `Authorization: Bearer <key>` with the bot's REST channel secret
 *   (`integrations/rest` secret `apiKey`) or an admin API key;
 * - browsers (the widget): `X-Parley-Key: <public key>` of the widget integration, from an
 *   origin on its allowlist (answered with CORS headers);
 * - anyone, only when the REST integration says `allowAnonymous: true` (for old
 *   ai-chatbot-framework clients that send no key).
 */
export async function checkChannelAccess(
  deps: ChannelAccessDeps,
  botId: string,
  req: Request,
  res: Response,
): Promise<ChannelAccess> {
  const publicKey = req.headers['x-parley-key'];
  if (typeof publicKey === 'string') return checkWidget(deps, botId, publicKey, req, res);

  const rest = await deps.integrations.get(botId, 'rest');
  const settings = readChannelSettings('rest', rest?.settings);
  const access = (client: string): ChannelAccess => ({
    client,
    channel: 'rest',
    allowForcedIntents: settings.allowForcedIntents,
  });
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) {
    const secret = (await deps.integrations.getSecrets(botId, 'rest')).apiKey;
    if (secret && safeEqual(bearer, secret)) return access(`key:rest:${botId}`);
    const adminKey = await deps.apiKeys.verify(bearer);
    if (adminKey) return access(`key:${adminKey.id}`);
    throw unauthorized('Unknown key.');
  }
  if (rest?.enabled && settings.allowAnonymous) return access(`anonymous:${req.ip}`);
  throw unauthorized('Send Authorization: Bearer <channel key> or X-Parley-Key: <public key>.');
}

async function checkWidget(
  deps: ChannelAccessDeps,
  botId: string,
  publicKey: string,
  req: Request,
  res: Response,
): Promise<ChannelAccess> {
  const origin = req.headers.origin;
  const widget = await deps.integrations.get(botId, 'widget');
  const settings = readChannelSettings('widget', widget?.settings);
  if (!widget?.enabled || !settings.publicKey || !safeEqual(publicKey, settings.publicKey))
    throw unauthorized('Unknown public key for this bot.');
  if (origin && !settings.allowedOrigins.includes(origin)) {
    throw new HttpProblem({
      status: 403,
      code: 'ORIGIN_NOT_ALLOWED',
      title: 'Origin not allowed',
      detail: `${origin} is not on this bot's allowlist.`,
    });
  }
  if (origin) allowCors(res, origin);
  return {
    client: `public:${req.ip}`,
    channel: 'widget',
    allowForcedIntents: settings.allowForcedIntents,
  };
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
  const { allowedOrigins } = readChannelSettings('widget', widget?.settings);
  if (origin && widget?.enabled && allowedOrigins.includes(origin)) {
    allowCors(res, origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Content-Type, X-Parley-Key, X-Parley-Thread-Token',
    );
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.status(204).end();
}

function allowCors(res: Response, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
  // The widget waits as long as a 429 or 503 asks; browsers hide other headers cross-origin.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
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
