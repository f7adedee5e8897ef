import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';

export interface StoredConversation<State> {
  version: number;
  state: State;
  updatedAt: Date;
}

export type SaveResult = { ok: true; version: number } | { ok: false; reason: 'conflict' };

/**
 * The dialogue state of each (botId, threadId), guarded by `version`.
 * `save` is a compare-and-set: it writes only if the stored version still equals
 * `expectedVersion` (0 creates the document); a lost race is reported, never overwritten.
 */
export interface ConversationRepository<State = Record<string, unknown>> {
  load(botId: string, threadId: string): Promise<StoredConversation<State> | null>;
  save(botId: string, threadId: string, expectedVersion: number, state: State): Promise<SaveResult>;
  delete(botId: string, threadId: string): Promise<boolean>;
  deleteAll(botId: string): Promise<number>;
}

interface ConversationDoc {
  botId: string;
  threadId: string;
  version: number;
  state: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** Versions kept behind the newest, and for how long at least, before they are pruned. */
const KEEP_VERSIONS = 10;
const KEEP_VERSIONS_MS = 15 * 60_000;

export function createConversationRepository<State = Record<string, unknown>>(
  db: Db,
): ConversationRepository<State> {
  const conversations = db.collection<ConversationDoc>(COLLECTIONS.conversations);

  // Each version is its own document under a unique (botId, threadId, version) index, so the
  // unique index decides a race: an update filtered on `version` is not atomic on every
  // server of the common subset (FerretDB reads, then writes), but a unique insert is.
  async function latest(botId: string, threadId: string): Promise<ConversationDoc | null> {
    const [doc] = await conversations
      .find({ botId, threadId })
      .sort({ version: -1 })
      .limit(1)
      .toArray();
    return doc ?? null;
  }

  return {
    async load(botId, threadId) {
      const doc = await latest(botId, threadId);
      if (!doc) return null;
      return {
        version: doc.version,
        state: fromStorableKeys(doc.state) as State,
        updatedAt: doc.updatedAt,
      };
    },

    async save(botId, threadId, expectedVersion, state) {
      const now = new Date();
      const version = expectedVersion + 1;
      try {
        await conversations.insertOne({
          botId,
          threadId,
          version,
          state: toStorableKeys(state),
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) return { ok: false, reason: 'conflict' };
        throw error;
      }
      // Old versions go, but only well after any request could still hold them: a writer
      // holding a pruned version could otherwise insert its next number without a conflict.
      await conversations.deleteMany({
        botId,
        threadId,
        version: { $lt: expectedVersion - KEEP_VERSIONS },
        createdAt: { $lt: new Date(now.getTime() - KEEP_VERSIONS_MS) },
      });
      return { ok: true, version };
    },

    async delete(botId, threadId) {
      const result = await conversations.deleteMany({ botId, threadId });
      return result.deletedCount > 0;
    },

    async deleteAll(botId) {
      const result = await conversations.deleteMany({ botId });
      return result.deletedCount;
    },
  };
}
