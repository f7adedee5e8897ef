import type { Logger } from 'pino';
import { z } from 'zod';
import type { DialogueManager } from '@parley/dialogue';
import { readChannelSettings, type MessengerSettings } from '@parley/domain';
import type { IntegrationStatus, PendingWebhookEvent, Store } from '@parley/store';
import type { Metrics } from '../../metrics/metrics.js';
import type { GraphClient, SendFailure } from './graph-client.js';
import { toOutgoingMessages, type OutgoingMessage } from './outgoing-messages.js';
import type { ThreadRunOutcome } from './thread-queue.js';

export const MESSENGER_CHANNEL = 'messenger';
/** An event whose processing started this often without finishing is given up. */
export const MAX_ATTEMPTS = 5;
/** A reply still being worked out after this long gets a typing indicator first. */
const DEFAULT_TYPING_AFTER_MS = 300;
/** Upper bound of the pause before an event whose send failed is tried again. */
const MAX_RETRY_DELAY_MS = 10 * 60_000;
/** A thread's queue is re-read at most this often per run (new events extend a run). */
const MAX_ROUNDS = 20;

/** What the webhook records for an event the channel answers. */
export const ZStoredEvent = z.object({
  kind: z.enum(['text', 'payload', 'attachment']),
  pageId: z.string(),
  senderId: z.string(),
  text: z.string(),
});
export type StoredEvent = z.infer<typeof ZStoredEvent>;

export interface EventProcessorDeps {
  store: Pick<Store, 'webhookEvents' | 'locks' | 'integrations'>;
  /** Channel settings and secrets as chat reads them (cached until they change). */
  reads: Pick<Store['integrations'], 'get' | 'getSecrets'>;
  dialogue: DialogueManager;
  graph: GraphClient;
  logger: Logger;
  metrics?: Metrics;
  instanceId: string;
  /** How long a thread's lock lasts unless renewed: another instance takes over after it. */
  leaseMs: number;
  typingAfterMs?: number;
}

export interface EventProcessor {
  /** Works off a thread's queued events in order while holding its lock. */
  runThread(botId: string, threadId: string): Promise<ThreadRunOutcome>;
}

type Step = 'next' | 'stop';
interface Holding {
  lost: boolean;
}

/** The Messenger conversation of a person with a Page. */
export function messengerThreadId(pageId: string, senderId: string): string {
  return `messenger:${pageId}:${senderId}`;
}

/**
 * Processes recorded Messenger events: a thread's events one after the other in timestamp
 * order, under a lock every instance respects. Each event's replies are worked out once
 * (kept as its outbox) and each part is marked with its Graph `message_id` as soon as it is
 * sent, so an event taken over after a crash sends only what is still missing.
 */
export function createEventProcessor(deps: EventProcessorDeps): EventProcessor {
  const { store, graph, logger, metrics } = deps;
  const events = store.webhookEvents;
  const typingAfterMs = deps.typingAfterMs ?? DEFAULT_TYPING_AFTER_MS;
  /** What this instance last wrote of each bot's channel health (the cached read may be older). */
  const health = new Map<string, boolean>();

  async function runThread(botId: string, threadId: string): Promise<ThreadRunOutcome> {
    const name = `messenger:${JSON.stringify([botId, threadId])}`;
    const token = await store.locks.acquire(name, deps.instanceId, deps.leaseMs);
    if (!token) return 'busy';
    const holding: Holding = { lost: false };
    const renewal = setInterval(() => {
      store.locks.renew(name, token, deps.leaseMs).then(
        (held) => {
          if (!held) holding.lost = true;
        },
        (error: unknown) => logger.warn({ err: error }, 'messenger: renewing a thread lock failed'),
      );
    }, deps.leaseMs / 3);
    try {
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const queued = await events.queuedForThread(botId, MESSENGER_CHANNEL, threadId);
        if (queued.length === 0) break;
        for (const item of queued) {
          // A postponed event keeps the later ones waiting: replies stay in order.
          if (holding.lost || (item.retryAt && item.retryAt > new Date())) return 'done';
          if ((await processEvent(item.id, holding)) === 'stop') return 'done';
        }
      }
      return 'done';
    } finally {
      clearInterval(renewal);
      if (!holding.lost) await store.locks.release(name, token);
    }
  }

  async function processEvent(id: string, holding: Holding): Promise<Step> {
    const event = await events.getPending(id);
    if (!event) return 'next'; // finished meanwhile
    const attempts = await events.startAttempt(id);
    if (attempts > MAX_ATTEMPTS) return fail(event, `gave up after ${MAX_ATTEMPTS} attempts`);
    const data = ZStoredEvent.safeParse(event.data);
    if (!data.success) return fail(event, 'unreadable event record');
    const integration = await deps.reads.get(event.botId, MESSENGER_CHANNEL);
    if (!integration?.enabled) return fail(event, 'the Messenger integration is off or gone');
    const pageToken = (await deps.reads.getSecrets(event.botId, MESSENGER_CHANNEL)).pageAccessToken;
    if (!pageToken) return fail(event, 'no page access token is configured', true);
    const settings = readChannelSettings(MESSENGER_CHANNEL, integration.settings);

    const context = { event, data: data.data, pageToken, holding, attempts };
    let outbox = event.outbox as OutgoingMessage[] | null;
    const typing: { sent?: Promise<unknown> } = {};
    if (!outbox) {
      const composed = await compose(context, settings, (sent) => (typing.sent = sent));
      if (composed.kind === 'busy') return postpone(context, 'the conversation was busy');
      if (composed.kind === 'failed') return fail(event, composed.error);
      outbox = composed.messages;
      await events.saveOutbox(id, outbox);
    }
    // The typing indicator must not arrive after the reply it announces.
    await typing.sent;
    return send(context, outbox, integration.status);
  }

  interface EventContext {
    event: PendingWebhookEvent;
    data: StoredEvent;
    pageToken: string;
    holding: Holding;
    attempts: number;
  }

  type Composed =
    | { kind: 'ok'; messages: OutgoingMessage[] }
    | { kind: 'busy' }
    | { kind: 'failed'; error: string };

  async function compose(
    { event, data, pageToken }: EventContext,
    settings: MessengerSettings,
    onTyping: (typing: Promise<unknown>) => void,
  ): Promise<Composed> {
    if (data.kind === 'attachment')
      return { kind: 'ok', messages: outgoing([{ text: settings.attachmentReply }], event) };
    const typing = setTimeout(
      () => onTyping(graph.senderAction(pageToken, data.senderId, 'typing_on')),
      typingAfterMs,
    );
    try {
      const result = await deps.dialogue.handleMessage({
        botId: event.botId,
        threadId: event.threadId,
        text: data.text,
        channel: MESSENGER_CHANNEL,
        forcing: settings.allowForcedIntents ? 'any' : 'offered',
        // A message handled again after a crash gets its first reply, not a second turn.
        clientMessageId: event.eventId,
      });
      if (!result.ok) {
        if (result.error.code === 'CONVERSATION_BUSY') return { kind: 'busy' };
        return { kind: 'failed', error: result.error.message };
      }
      metrics?.messages.inc({ bot: event.botId, channel: MESSENGER_CHANNEL });
      if (result.reply.fellBack)
        metrics?.fallbacks.inc({ bot: event.botId, channel: MESSENGER_CHANNEL });
      return { kind: 'ok', messages: outgoing(result.reply.messages, event) };
    } finally {
      clearTimeout(typing);
    }
  }

  function outgoing(
    messages: Parameters<typeof toOutgoingMessages>[0],
    event: PendingWebhookEvent,
  ): OutgoingMessage[] {
    const converted = toOutgoingMessages(messages);
    for (const warning of converted.warnings)
      logger.warn({ bot: event.botId, event: event.eventId }, `messenger: ${warning}`);
    return converted.messages;
  }

  async function send(
    context: EventContext,
    outbox: OutgoingMessage[],
    status: IntegrationStatus,
  ): Promise<Step> {
    const { event, data, pageToken, holding } = context;
    const sentIds = event.sentIds;
    for (const [index, message] of outbox.entries()) {
      if (sentIds[index]) continue;
      if (holding.lost) return 'stop';
      const sent = await graph.sendMessage(pageToken, data.senderId, message);
      if (sent.retries > 0)
        metrics?.messengerSends.inc({ bot: event.botId, outcome: 'retried' }, sent.retries);
      if (!sent.ok) {
        metrics?.messengerSends.inc({ bot: event.botId, outcome: 'failed' });
        return sendFailed(context, sent);
      }
      metrics?.messengerSends.inc({ bot: event.botId, outcome: 'sent' });
      await events.markSent(event.id, index, sent.messageId ?? `sent:${index}`);
    }
    await events.finish(event.id, 'done');
    logger.debug(
      { bot: event.botId, event: event.eventId, parts: outbox.length, attempts: context.attempts },
      'messenger: answered an event',
    );
    if (!(health.get(event.botId) ?? status.healthy)) {
      await store.integrations.recordStatus(event.botId, MESSENGER_CHANNEL, { healthy: true });
      health.set(event.botId, true);
    }
    return 'next';
  }

  async function sendFailed(context: EventContext, failure: SendFailure): Promise<Step> {
    const { event } = context;
    const where = {
      bot: event.botId,
      event: event.eventId,
      status: failure.status,
      code: failure.code,
    };
    switch (failure.kind) {
      case 'token':
        logger.error(
          where,
          'messenger: the page access token was refused; the channel is marked unhealthy',
        );
        return fail(event, failure.message, true);
      case 'rejected':
        logger.warn({ ...where, error: failure.message }, 'messenger: Graph API refused a reply');
        return fail(event, failure.message);
      case 'unavailable':
        logger.warn({ ...where, error: failure.message }, 'messenger: Graph API unavailable');
        if (context.attempts >= MAX_ATTEMPTS) return fail(event, failure.message);
        return postpone(context, failure.message);
    }
  }

  async function postpone({ event, attempts }: EventContext, error: string): Promise<Step> {
    const delay = Math.min(deps.leaseMs * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
    await events.postpone(event.id, new Date(Date.now() + delay), error);
    await recordError(event, error);
    return 'stop';
  }

  async function fail(event: PendingWebhookEvent, error: string, unhealthy = false): Promise<Step> {
    await events.finish(event.id, 'failed', error);
    await recordError(event, error, unhealthy);
    return 'next';
  }

  async function recordError(event: PendingWebhookEvent, error: string, unhealthy = false) {
    await store.integrations.recordStatus(event.botId, MESSENGER_CHANNEL, {
      lastError: error,
      lastErrorAt: new Date(),
      ...(unhealthy ? { healthy: false } : {}),
    });
    if (unhealthy) health.set(event.botId, false);
  }

  return { runThread };
}
