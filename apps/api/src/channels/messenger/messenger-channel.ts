import type { Router } from 'express';
import type { Logger } from 'pino';
import type { DialogueManager } from '@parley/dialogue';
import type { Store } from '@parley/store';
import type { Metrics } from '../../metrics/metrics.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import { createEventProcessor, MESSENGER_CHANNEL } from './event-processor.js';
import { createGraphClient, type GraphClient } from './graph-client.js';
import { createThreadQueue } from './thread-queue.js';
import { createWebhookRouter } from './webhook.router.js';

/** How often old finished events and stale locks are deleted. */
const CLEANUP_EVERY_MS = 10 * 60_000;
/** Locks (and takeover records) expired longer than this are deleted. */
const LOCK_GRACE_MS = 60 * 60_000;
/** Queued events the recovery poll looks at per round. */
const RECOVERY_BATCH = 500;
const BUSY_RETRY_MS = 100;

export interface MessengerChannelOptions {
  store: Store;
  /** Channel settings and secrets as chat reads them; the store's own when absent. */
  reads?: Pick<Store['integrations'], 'get' | 'getSecrets'>;
  dialogue: DialogueManager;
  logger: Logger;
  metrics?: Metrics;
  graph: { url: string; version: string } | GraphClient;
  instanceId: string;
  /** A thread's lock lasts this long unless renewed; a dead instance's events wait this long. */
  leaseMs: number;
  /** How often each instance looks for events left behind (older than the lease). */
  pollMs: number;
  /** Threads (people) answered at once by this instance. */
  concurrency: number;
  /** How long finished events are kept, so that a redelivery is recognised. */
  retentionMs: number;
  bodyLimitBytes: number;
  typingAfterMs?: number;
}

export interface MessengerChannel {
  /** The webhook routes, documented in `registry`. */
  router(registry: OpenApiRegistry): Router;
  /** Starts the recovery poll and the cleanup timer. */
  start(): void;
  /** Stops polling and waits for the threads being answered. */
  stop(): Promise<void>;
  /** Resolves when this instance has nothing to do (for tests). */
  idle(): Promise<void>;
}

/**
 * The Facebook Messenger channel: the webhook records and acknowledges events, a queue
 * answers them per thread in order, and a poll picks up what a dead instance left behind.
 */
export function createMessengerChannel(options: MessengerChannelOptions): MessengerChannel {
  const { store, logger } = options;
  const graph =
    'sendMessage' in options.graph
      ? options.graph
      : createGraphClient({ baseUrl: options.graph.url, version: options.graph.version });
  const reads = options.reads ?? store.integrations;
  const processor = createEventProcessor({ ...options, reads, graph });
  const key = (botId: string, threadId: string) => JSON.stringify([botId, threadId]);
  const queue = createThreadQueue({
    concurrency: options.concurrency,
    busyRetryMs: BUSY_RETRY_MS,
    maxBusyRetryMs: Math.max(BUSY_RETRY_MS, options.pollMs),
    logger,
    run: (thread) => {
      const [botId, threadId] = JSON.parse(thread) as [string, string];
      return processor.runThread(botId, threadId);
    },
  });
  const timers: NodeJS.Timeout[] = [];

  async function recover(): Promise<void> {
    const now = new Date();
    const left = await store.webhookEvents.queuedBefore(
      new Date(now.getTime() - options.leaseMs),
      RECOVERY_BATCH,
    );
    for (const item of left) {
      if (item.channel !== MESSENGER_CHANNEL) continue;
      if (item.retryAt && item.retryAt > now) continue;
      queue.schedule(key(item.botId, item.threadId));
    }
  }

  async function cleanUp(): Promise<void> {
    const now = Date.now();
    const events = await store.webhookEvents.deleteFinishedBefore(
      new Date(now - options.retentionMs),
    );
    const locks = await store.locks.deleteExpiredBefore(new Date(now - LOCK_GRACE_MS));
    if (events + locks > 0) logger.info({ events, locks }, 'messenger: cleaned up old events');
  }

  function every(ms: number, task: () => Promise<void>, what: string): void {
    const run = () =>
      task().catch((error: unknown) => logger.warn({ err: error }, `messenger: ${what} failed`));
    void run();
    const timer = setInterval(run, ms);
    timer.unref();
    timers.push(timer);
  }

  return {
    router: (registry) =>
      createWebhookRouter({
        store,
        reads,
        registry,
        bodyLimitBytes: options.bodyLimitBytes,
        metrics: options.metrics,
        onRecorded: (botId, threadId) => queue.schedule(key(botId, threadId)),
      }),
    start() {
      every(options.pollMs, recover, 'looking for events left behind');
      every(CLEANUP_EVERY_MS, cleanUp, 'cleanup');
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await queue.stop();
    },
    idle: () => queue.idle(),
  };
}
