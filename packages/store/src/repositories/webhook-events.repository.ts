import type { Collection, Db, OptionalUnlessRequiredId } from 'mongodb';
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

/** An unfinished event with its processing state. */
export interface PendingWebhookEvent extends QueuedWebhookEvent {
  eventId: string;
  data: Record<string, unknown>;
  /** How many times processing started (a crash mid-way makes it more than one). */
  attempts: number;
  /** The replies to send, once worked out; null before. */
  outbox: Array<Record<string, unknown>> | null;
  /** The platform's message id of each outbox part already sent; null for a part not yet sent. */
  sentIds: Array<string | null>;
  /** Why the last attempt did not finish it, if it did not. */
  error: string | null;
}

/** What the log knows of an event, finished or not. */
export interface WebhookEvent extends NewWebhookEvent {
  id: string;
  receivedAt: Date;
  status: WebhookEventStatus;
  error: string | null;
  finishedAt: Date | null;
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
 * answered twice. Three collections, each doc named by (botId, channel, eventId) in `_id`:
 * - `webhookEvents`: the log, one immutable document per event; its unique `_id` turns a
 *   redelivery into a no-op on every replica;
 * - `webhookQueue`: one document per unfinished event, holding the processing state
 *   (attempts, outbox, sent message ids), deleted when the event is finished;
 * - `webhookOutcomes`: how each finished event ended.
 * The per-event reads and updates go to the queue, which stays as short as the backlog:
 * the embedded FerretDB walks a collection for any read, even by `_id`, and the log grows
 * with traffic. The log and the outcomes are only inserted into on the way (and read for a
 * redelivery). Updates to a queued event come from the one instance holding its thread's
 * lock (see LockRepository), so plain `_id` updates are enough.
 */
export interface WebhookEventRepository {
  /** Records an event once; a redelivery of an event that was recorded but never queued is queued. */
  record(event: NewWebhookEvent): Promise<RecordResult>;
  /** An unfinished event with its processing state; null once finished (or never recorded). */
  getPending(id: string): Promise<PendingWebhookEvent | null>;
  /** What the log knows of an event (reads the log: not for the per-message path). */
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
  /** Ends an event's processing: its outcome is recorded and it leaves the queue. */
  finish(id: string, status: 'done' | 'failed', error?: string): Promise<void>;
  /** Forgets finished events received before the date (a cleanup timer; no TTL index needed). */
  deleteFinishedBefore(date: Date): Promise<number>;
}

interface EventDoc {
  _id: string;
  botId: string;
  channel: string;
  eventId: string;
  threadId: string;
  timestamp: number;
  data: Record<string, unknown>;
  receivedAt: Date;
}

interface QueueDoc extends EventDoc {
  attempts: number;
  outbox: Array<Record<string, unknown>> | null;
  /** `p<index>` → message id: a field per part, so marking one is a single `$set`. */
  sent: Record<string, string>;
  retryAt?: Date;
  error: string | null;
}

interface OutcomeDoc {
  _id: string;
  status: 'done' | 'failed';
  error: string | null;
  finishedAt: Date;
}

export const webhookEventId = (botId: string, channel: string, eventId: string): string =>
  JSON.stringify([botId, channel, eventId]);

export function createWebhookEventRepository(db: Db): WebhookEventRepository {
  const events = db.collection<EventDoc>(COLLECTIONS.webhookEvents);
  const queue = db.collection<QueueDoc>(COLLECTIONS.webhookQueue);
  const outcomes = db.collection<OutcomeDoc>(COLLECTIONS.webhookOutcomes);

  const queued = (event: EventDoc): QueueDoc => ({
    ...event,
    attempts: 0,
    outbox: null,
    sent: {},
    error: null,
  });

  return {
    async record(input) {
      const event: EventDoc = {
        _id: webhookEventId(input.botId, input.channel, input.eventId),
        ...input,
        data: toStorableKeys(input.data),
        receivedAt: new Date(),
      };
      const result = (isNew: boolean, pending: boolean) => ({ id: event._id, isNew, pending });
      if (await insertOnce(events, event)) {
        await insertOnce(queue, queued(event));
        return result(true, true);
      }
      if (await queue.findOne({ _id: event._id })) return result(false, true);
      if (await outcomes.findOne({ _id: event._id })) return result(false, false);
      // Recorded by a process that died before it queued the event (and so before it
      // acknowledged it): queue it now.
      await insertOnce(queue, queued(event));
      return result(false, true);
    },

    async getPending(id) {
      const doc = await queue.findOne({ _id: id });
      return doc ? toPending(doc) : null;
    },

    async get(id) {
      const pending = await queue.findOne({ _id: id });
      const doc = pending ?? (await events.findOne({ _id: id }));
      if (!doc) return null;
      const outcome = pending ? null : await outcomes.findOne({ _id: id });
      return {
        id: doc._id,
        botId: doc.botId,
        channel: doc.channel,
        eventId: doc.eventId,
        threadId: doc.threadId,
        timestamp: doc.timestamp,
        data: fromStorableKeys(doc.data),
        receivedAt: doc.receivedAt,
        status: outcome?.status ?? 'pending',
        error: outcome?.error ?? pending?.error ?? null,
        finishedAt: outcome?.finishedAt ?? null,
      };
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
      const doc = await queue.findOneAndUpdate(
        { _id: id },
        { $inc: { attempts: 1 } },
        // No projection: FerretDB 1.24's findAndModify does not implement one.
        { returnDocument: 'after' },
      );
      return doc?.attempts ?? 0;
    },

    async saveOutbox(id, outbox) {
      await queue.updateOne({ _id: id }, { $set: { outbox: toStorableKeys(outbox) } });
    },

    async markSent(id, index, messageId) {
      await queue.updateOne({ _id: id }, { $set: { [`sent.p${index}`]: messageId } });
    },

    async postpone(id, until, error) {
      await queue.updateOne({ _id: id }, { $set: { retryAt: until, error } });
    },

    async finish(id, status, error) {
      // The outcome first: a redelivery that finds the event neither queued nor finished queues it.
      await insertOnce(outcomes, {
        _id: id,
        status,
        error: error ?? null,
        finishedAt: new Date(),
      });
      await queue.deleteOne({ _id: id });
    },

    async deleteFinishedBefore(date) {
      const stillQueued = await queue.find({ receivedAt: { $lt: date } }).toArray();
      const keep = stillQueued.map((doc) => doc._id);
      const deleted = await events.deleteMany({ receivedAt: { $lt: date }, _id: { $nin: keep } });
      await outcomes.deleteMany({ finishedAt: { $lt: date } });
      return deleted.deletedCount;
    },
  };
}

/** Inserts unless a document with that `_id` exists; true when this call inserted it. */
async function insertOnce<T extends { _id: string }>(
  collection: Collection<T>,
  doc: OptionalUnlessRequiredId<T>,
): Promise<boolean> {
  try {
    await collection.insertOne(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
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

function toPending(doc: QueueDoc): PendingWebhookEvent {
  const outbox = doc.outbox ? fromStorableKeys(doc.outbox) : null;
  return {
    ...toQueued(doc),
    eventId: doc.eventId,
    data: fromStorableKeys(doc.data),
    attempts: doc.attempts,
    outbox,
    sentIds: (outbox ?? []).map((_, index) => doc.sent[`p${index}`] ?? null),
    error: doc.error,
  };
}
