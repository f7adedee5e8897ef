import express, { Router, type Request, type Response } from 'express';
import { safeEqual } from '../../auth/safe-equal.js';
import { z } from 'zod';
import { readChannelSettings } from '@parley/domain';
import type { Store } from '@parley/store';
import { HttpProblem } from '../../http/problem.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import { MESSENGER_CHANNEL, messengerThreadId, type StoredEvent } from './event-processor.js';
import { verifySignature } from './signature.js';
import { readEvents, ZWebhookBody } from './webhook-events.js';

export const WEBHOOK_PATH = '/api/v1/channels/messenger/:botId/webhook';
const LAST_EVENT_EVERY_MS = 5000;

export interface WebhookRouterDeps {
  store: Pick<Store, 'integrations' | 'webhookEvents'>;
  /** Channel settings and secrets as chat reads them (cached until they change). */
  reads: Pick<Store['integrations'], 'get' | 'getSecrets'>;
  registry: OpenApiRegistry;
  bodyLimitBytes: number;
  metrics?: Metrics;
  /** Called for each thread with newly recorded events, after the acknowledgement. */
  onRecorded(botId: string, threadId: string): void;
}

const ZParams = z.object({ botId: z.string().min(1).max(100) });
const ZHandshake = z.object({
  'hub.mode': z.string().max(100).optional(),
  'hub.verify_token': z.string().max(2000).optional(),
  'hub.challenge': z
    .string()
    .regex(/^[\w.-]{1,256}$/)
    .optional(),
});

/**
 * Meta's webhook for a bot's Page: the subscription handshake (GET) and event deliveries
 * (POST). A delivery is answered only after every event in it is recorded, and only when
 * `X-Hub-Signature-256` is the app secret's HMAC-SHA256 of the exact bytes received
 * (the app's JSON parser leaves this path alone, so the bytes are read here).
 */
export function createWebhookRouter(deps: WebhookRouterDeps): Router {
  const router = Router();
  const { reads: integrations } = deps;
  const { webhookEvents } = deps.store;
  /** When this instance last wrote each bot's `lastEventAt`: once per few seconds is enough. */
  const lastEventWrites = new Map<string, number>();
  document(deps.registry);

  router.get(WEBHOOK_PATH, async (req: Request, res: Response) => {
    const { botId } = ZParams.parse(req.params);
    const query = ZHandshake.parse(req.query);
    const integration = await integrations.get(botId, MESSENGER_CHANNEL);
    const { verifyToken } = integration?.enabled
      ? await integrations.getSecrets(botId, MESSENGER_CHANNEL)
      : { verifyToken: undefined };
    const given = query['hub.verify_token'];
    if (
      query['hub.mode'] !== 'subscribe' ||
      !verifyToken ||
      !given ||
      !safeEqual(given, verifyToken) ||
      !query['hub.challenge']
    )
      throw forbidden('VERIFY_TOKEN_MISMATCH', 'The verify token does not match this bot’s.');
    res.status(200).type('text/plain').send(query['hub.challenge']);
  });

  router.post(
    WEBHOOK_PATH,
    express.raw({ type: () => true, limit: deps.bodyLimitBytes }),
    async (req: Request, res: Response) => {
      const { botId } = ZParams.parse(req.params);
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const integration = await integrations.get(botId, MESSENGER_CHANNEL);
      const { appSecret } = integration?.enabled
        ? await integrations.getSecrets(botId, MESSENGER_CHANNEL)
        : { appSecret: undefined };
      const signature = req.headers['x-hub-signature-256'];
      if (
        !appSecret ||
        !verifySignature(raw, typeof signature === 'string' ? signature : undefined, appSecret)
      )
        throw forbidden(
          'INVALID_SIGNATURE',
          appSecret
            ? 'X-Hub-Signature-256 is missing or is not the HMAC-SHA256 of this body with the app secret.'
            : 'This bot has no Messenger app secret, so no delivery can be verified.',
        );
      const parsed = ZWebhookBody.safeParse(parseJson(raw));
      if (!parsed.success)
        throw HttpProblem.invalid(
          parsed.error.issues.map((issue) => ({
            path: ['body', ...issue.path].join('.'),
            message: issue.message,
          })),
        );
      const body = parsed.data;
      const { pageId } = readChannelSettings(MESSENGER_CHANNEL, integration!.settings);

      const threads = new Set<string>();
      for (const event of body.object === 'page' ? readEvents(body) : []) {
        const count = (kind: string) => deps.metrics?.messengerEvents.inc({ bot: botId, kind });
        if (pageId && event.pageId !== pageId) {
          count('other_page');
          continue;
        }
        if (!('eventId' in event)) {
          count(event.kind);
          continue;
        }
        const threadId = messengerThreadId(event.pageId, event.senderId);
        const data: StoredEvent = {
          kind: event.kind,
          pageId: event.pageId,
          senderId: event.senderId,
          text: event.text,
        };
        const recorded = await webhookEvents.record({
          botId,
          channel: MESSENGER_CHANNEL,
          eventId: event.eventId,
          threadId,
          timestamp: event.timestamp,
          data,
        });
        count(recorded.isNew ? event.kind : 'duplicate');
        if (recorded.pending) threads.add(threadId);
      }
      if (body.object !== 'page')
        deps.metrics?.messengerEvents.inc({ bot: botId, kind: 'unsupported' });
      const now = Date.now();
      if (now - (lastEventWrites.get(botId) ?? 0) >= LAST_EVENT_EVERY_MS) {
        lastEventWrites.set(botId, now);
        await deps.store.integrations.recordStatus(botId, MESSENGER_CHANNEL, {
          lastEventAt: new Date(now),
        });
      }
      res.status(200).type('text/plain').send('EVENT_RECEIVED');
      for (const threadId of threads) deps.onRecorded(botId, threadId);
    },
  );

  return router;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpProblem({
      status: 400,
      code: 'BAD_REQUEST',
      title: 'Bad request',
      detail: 'The body is not JSON.',
    });
  }
}

function forbidden(code: string, detail: string): HttpProblem {
  return new HttpProblem({ status: 403, code, title: 'Forbidden', detail });
}

function document(registry: OpenApiRegistry): void {
  const common = { path: WEBHOOK_PATH, tag: 'Channels', role: 'public', params: ZParams };
  registry.add('', {
    ...common,
    method: 'get',
    summary: "Meta's webhook verification: answers `hub.challenge` when the verify token matches",
    query: ZHandshake,
    response: z.string(),
    errors: [400, 403],
  });
  registry.add('', {
    ...common,
    method: 'post',
    summary:
      'Messenger events from Meta, signed with `X-Hub-Signature-256`; recorded, acknowledged, then answered',
    body: ZWebhookBody,
    response: z.string(),
    errors: [400, 403, 413],
  });
}
