import type { Collection, Db } from 'mongodb';
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

interface VersionDoc {
  _id: string;
  botId: string;
  threadId: string;
  version: number;
  state: unknown;
  createdAt: Date;
}

/** Versions kept behind the newest, and for how long at least, before they are pruned. */
const KEEP_VERSIONS = 10;
const KEEP_VERSIONS_MS = 15 * 60_000;
/** Pruning runs on every this many versions. */
const PRUNE_EVERY = 10;

const versionId = (botId: string, threadId: string, version: number) =>
  JSON.stringify([botId, threadId, version]);

/**
 * Each version of a thread's state is its own document, named by (botId, threadId, version)
 * in `_id`: inserting version n+1 is the compare-and-set, and the unique `_id` decides a race.
 * (An update filtered on `version` is not atomic on every server of the common subset:
 * FerretDB reads, then writes.) The hot path only inserts and reads: no update.
 */
export function createConversationRepository<State = Record<string, unknown>>(
  db: Db,
): ConversationRepository<State> {
  const versions: Collection<VersionDoc> = db.collection<VersionDoc>(COLLECTIONS.conversations);

  async function newest(botId: string, threadId: string): Promise<VersionDoc | null> {
    const [doc] = await versions.find({ botId, threadId }).sort({ version: -1 }).limit(1).toArray();
    return doc ?? null;
  }

  return {
    async load(botId, threadId) {
      const doc = await newest(botId, threadId);
      if (!doc) return null;
      return {
        version: doc.version,
        state: fromStorableKeys(doc.state) as State,
        updatedAt: doc.createdAt,
      };
    },

    async save(botId, threadId, expectedVersion, state) {
      const now = new Date();
      const version = expectedVersion + 1;
      try {
        await versions.insertOne({
          _id: versionId(botId, threadId, version),
          botId,
          threadId,
          version,
          state: toStorableKeys(state),
          createdAt: now,
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) return { ok: false, reason: 'conflict' };
        throw error;
      }
      if (version % PRUNE_EVERY === 0) {
        // Only versions no request can still hold: a writer holding a pruned version could
        // otherwise insert its next number without a conflict.
        await versions.deleteMany({
          botId,
          threadId,
          version: { $lt: version - KEEP_VERSIONS },
          createdAt: { $lt: new Date(now.getTime() - KEEP_VERSIONS_MS) },
        });
      }
      return { ok: true, version };
    },

    async delete(botId, threadId) {
      const result = await versions.deleteMany({ botId, threadId });
      return result.deletedCount > 0;
    },

    async deleteAll(botId) {
      const result = await versions.deleteMany({ botId });
      return result.deletedCount;
    },
  };
}
