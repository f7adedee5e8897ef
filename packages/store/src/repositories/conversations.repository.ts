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
 * One document per (botId, threadId) holding the dialogue state, guarded by `version`.
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

export function createConversationRepository<State = Record<string, unknown>>(
  db: Db,
): ConversationRepository<State> {
  const conversations = db.collection<ConversationDoc>(COLLECTIONS.conversations);

  return {
    async load(botId, threadId) {
      const doc = await conversations.findOne({ botId, threadId });
      if (!doc) return null;
      return {
        version: doc.version,
        state: fromStorableKeys(doc.state) as State,
        updatedAt: doc.updatedAt,
      };
    },

    async save(botId, threadId, expectedVersion, state) {
      const now = new Date();
      const stored = toStorableKeys(state);
      if (expectedVersion === 0) {
        try {
          await conversations.insertOne({
            botId,
            threadId,
            version: 1,
            state: stored,
            createdAt: now,
            updatedAt: now,
          });
          return { ok: true, version: 1 };
        } catch (error) {
          if (isDuplicateKeyError(error)) return { ok: false, reason: 'conflict' };
          throw error;
        }
      }
      const result = await conversations.updateOne(
        { botId, threadId, version: expectedVersion },
        { $set: { state: stored, version: expectedVersion + 1, updatedAt: now } },
      );
      return result.modifiedCount === 1
        ? { ok: true, version: expectedVersion + 1 }
        : { ok: false, reason: 'conflict' };
    },

    async delete(botId, threadId) {
      const result = await conversations.deleteOne({ botId, threadId });
      return result.deletedCount === 1;
    },

    async deleteAll(botId) {
      const result = await conversations.deleteMany({ botId });
      return result.deletedCount;
    },
  };
}
