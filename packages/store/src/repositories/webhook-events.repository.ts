import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';

export type WebhookEventStatus = 'pending' | 'done' | 'failed';

/** An event a channel received (a Messenger message, say), before it is processed. */
export interface NewWebhookEvent {
  botId: string;
  channel: string;
  /** The platform's id for the event (Messenger's `mid`): a redelivery carries the same id. */
  eventId: string;
  /** The conversation it belongs to: a thread's events are processed in `timestamp` order. */
  threadId: string;
  /** When the platform says the event happened (ms since the epoch). */
  timestamp: number;
  /** The channel's own description of the event. */
  data: Record<string, unknown>;
}

export interface WebhookEvent extends NewWebhookEvent {
  id: string;
  receivedAt: Date;
  status: WebhookEventStatus;
  /** How many times processing started (a crash mid-way makes it more than one). */
  attempts: number;
  /** The replies to send, once worked out; null before. */
  outbox: Array<Record<string, unknown>> | null;
  /** The platform's message id of each outbox part already sent; null for a part not yet sent. */
  sentIds: Array<string | null>;
  error: string | null;
  finishedAt: Date | null;
}

/** An unfinished event, as the queue lists it. */
export interface QueuedWebhookEvent {
  id: string;
  botId: string;
  channel: string;
  threadId: string;
  timestamp: number;
  receivedAt: Date;
  /** Set when processing failed for a passing reason: not to be tried before then. */
  retryAt: Date | null;
}

export interface RecordResult {
  id: string;
  /** False for a redelivery of an event already recorded. */
  isNew: boolean;
  /** True while the event waits to be (or is being) processed. */
  pending: boolean;
}

/**
 * Channel events recorded before they are acknowledged, so that none is lost and none is
 * answered twice. Each event is one document whose `_id` is made of (botId, channel,
 * eventId): the unique `_id` turns a redelivery into a no-op on every replica. Unfinished
 * events also have a small marker in a queue collection, which is all that the per-thread
 * and the recovery queries read: on the embedded FerretDB every filter other than `_id`
 * scans its collection, and the queue stays short while the event log grows.
 *
 * Writes to an event after it is recorded come from the one instance holding its thread's
 * lock (see LockRepository), so plain `_id` updates are enough.
 */
export interface WebhookEventRepository {
  /** Records an event once; a redelivery of a still-unfinished event is queued again. */
  record(event: NewWebhookEvent): Promise<RecordResult>;
  get(id: string): Promise<WebhookEvent | null>;
  /** A thread's unfinished events, oldest first. */
  queuedForThread(botId: string, channel: string, threadId: string): Promise<QueuedWebhookEvent[]>;
  /** Unfinished events received before the date, oldest first (recovery after a crash). */
  queuedBefore(date: Date, limit: number): Promise<QueuedWebhookEvent[]>;
  /** Counts a processing attempt and returns the new count. */
  startAttempt(id: string): Promise<number>;
  saveOutbox(id: string, outbox: Array<Record<string, unknown>>): Promise<void>;
  /** Remembers that outbox part `index` was delivered as `messageId`. */
  markSent(id: string, index: number, messageId: string): Promise<void>;
  /** Leaves an event queued, not to be tried again before `until` (the platform was unavailable). */
  postpone(id: string, until: Date, error: string): Promise<void>;
  /** Ends an event's processing and takes it off the queue. */
  finish(id: string, status: 'done' | 'failed', error?: string): Promise<void>;
  /** Takes a marker off the queue without touching its event (one whose event is finished or gone). */
  unqueue(id: string): Promise<void>;
  /** Forgets finished events older than the date (a cleanup timer calls it; no TTL index needed). */
  deleteFinishedBefore(date: Date): Promise<number>;
}

interface WebhookEventDoc {
  _id: string;
  botId: string;
  channel: string;
  eventId: string;
  threadId: string;
  timestamp: number;
  data: Record<string, unknown>;
  receivedAt: Date;
  status: WebhookEventStatus;
  attempts: number;
  outbox: Array<Record<string, unknown>> | null;
  /** `p<index>` → message id: a field per part, so marking one is a single `$set`. */
  sent: Record<string, string>;
  error: string | null;
  finishedAt: Date | null;
}

interface QueueDoc {
  _id: string;
  botId: string;
  channel: string;
  threadId: string;
  timestamp: number;
  receivedAt: Date;
  retryAt?: Date;
}

export const webhookEventId = (botId: string, channel: string, eventId: string): string =>
  JSON.stringify([botId, channel, eventId]);

export function createWebhookEventRepository(db: Db): WebhookEventRepository {
  const events = db.collection<WebhookEventDoc>(COLLECTIONS.webhookEvents);
  const queue = db.collection<QueueDoc>(COLLECTIONS.webhookQueue);

  async function enqueue(doc: WebhookEventDoc): Promise<void> {
    const { _id, botId, channel, threadId, timestamp, receivedAt } = doc;
    try {
      await queue.insertOne({ _id, botId, channel, threadId, timestamp, receivedAt });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  return {
    async record(event) {
      const doc: WebhookEventDoc = {
        _id: webhookEventId(event.botId, event.channel, event.eventId),
        ...event,
        data: toStorableKeys(event.data),
        receivedAt: new Date(),
        status: 'pending',
        attempts: 0,
        outbox: null,
        sent: {},
        error: null,
        finishedAt: null,
      };
      try {
        await events.insertOne(doc);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const known = await events.findOne({ _id: doc._id });
        const pending = known?.status === 'pending';
        // The first delivery may have been recorded by a process that died before it
        // queued the event (and so before it acknowledged): queue it now.
        if (known && pending) await enqueue(known);
        return { id: doc._id, isNew: false, pending };
      }
      await enqueue(doc);
      return { id: doc._id, isNew: true, pending: true };
    },

    async get(id) {
      const doc = await events.findOne({ _id: id });
      return doc ? toEvent(doc) : null;
    },

    async queuedForThread(botId, channel, threadId) {
      const docs = await queue.find({ botId, channel, threadId }).toArray();
      return docs.sort(oldestFirst).map(toQueued);
    },

    async queuedBefore(date, limit) {
      const docs = await queue
        .find({ receivedAt: { $lt: date } })
        .sort({ receivedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map(toQueued);
    },

    async startAttempt(id) {
      const doc = await events.findOneAndUpdate(
        { _id: id },
        { $inc: { attempts: 1 } },
        // No projection: FerretDB 1.24's findAndModify does not implement one.
        { returnDocument: 'after' },
      );
      return doc?.attempts ?? 0;
    },

    async saveOutbox(id, outbox) {
      await events.updateOne({ _id: id }, { $set: { outbox: toStorableKeys(outbox) } });
    },

    async markSent(id, index, messageId) {
      await events.updateOne({ _id: id }, { $set: { [`sent.p${index}`]: messageId } });
    },

    async postpone(id, until, error) {
      await events.updateOne({ _id: id }, { $set: { error } });
      await queue.updateOne({ _id: id }, { $set: { retryAt: until } });
    },

    async finish(id, status, error) {
      await events.updateOne(
        { _id: id },
        { $set: { status, error: error ?? null, finishedAt: new Date() } },
      );
      await queue.deleteOne({ _id: id });
    },

    async unqueue(id) {
      await queue.deleteOne({ _id: id });
    },

    async deleteFinishedBefore(date) {
      const result = await events.deleteMany({
        status: { $in: ['done', 'failed'] },
        finishedAt: { $lt: date },
      });
      return result.deletedCount;
    },
  };
}

function oldestFirst(a: QueueDoc, b: QueueDoc): number {
  return (
    a.timestamp - b.timestamp ||
    a.receivedAt.getTime() - b.receivedAt.getTime() ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  );
}

function toQueued(doc: QueueDoc): QueuedWebhookEvent {
  return {
    id: doc._id,
    botId: doc.botId,
    channel: doc.channel,
    threadId: doc.threadId,
    timestamp: doc.timestamp,
    receivedAt: doc.receivedAt,
    retryAt: doc.retryAt ?? null,
  };
}

function toEvent(doc: WebhookEventDoc): WebhookEvent {
  const outbox = doc.outbox ? fromStorableKeys(doc.outbox) : null;
  const sentIds = (outbox ?? []).map((_, index) => doc.sent[`p${index}`] ?? null);
  return {
    id: doc._id,
    botId: doc.botId,
    channel: doc.channel,
    eventId: doc.eventId,
    threadId: doc.threadId,
    timestamp: doc.timestamp,
    data: fromStorableKeys(doc.data),
    receivedAt: doc.receivedAt,
    status: doc.status,
    attempts: doc.attempts,
    outbox,
    sentIds,
    error: doc.error,
    finishedAt: doc.finishedAt,
  };
}
