import type { Collection, Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';
import { turnId, type Turn, type TurnFields } from './turns.repository.js';

export interface StoredConversation<State> {
  version: number;
  state: State;
  updatedAt: Date;
  /** The version the thread's head pointer names (a cache writes it when it falls behind). */
  headVersion: number;
}

export type SaveResult =
  { ok: true; version: number; headVersion: number } | { ok: false; reason: 'conflict' };

/**
 * The conversations of each (botId, threadId). Each version of a thread's state is stored with
 * the turn that produced it, as one document of the `turns` collection named by
 * `[botId, threadId, seq]` in `_id`: inserting version n+1 is the compare-and-set (the unique
 * `_id` decides a race — an update filtered on `version` is not atomic on every server of the
 * common subset: FerretDB reads, then writes) and the transcript append, in one write. Reading
 * never sorts or filters: a head pointer (`conversations`, `_id` `[botId, threadId]`) names a
 * recent version with its state, and later versions are read by `_id`. The head moves every
 * HEAD_EVERY versions and when a cache in front says so (`writeHead`).
 *
 * FerretDB 1.24's SQLite backend does not use its `_id` index for reads (the query and the
 * index spell the path differently), so a read walks the table until it finds the document and
 * a read that finds nothing walks all of it; inserts check the unique index and stay cheap. The
 * API's cache (services/conversations) therefore reads only documents that exist, and `load`
 * here, which may read past the newest version, is for callers without one.
 */
export interface ConversationRepository<State = unknown> {
  /** The newest version; `after`: a version known to exist (a cache's), where probing starts. */
  load(
    botId: string,
    threadId: string,
    after?: { version: number; state: State },
  ): Promise<StoredConversation<State> | null>;
  save(
    botId: string,
    threadId: string,
    expectedVersion: number,
    state: State,
    /** Stored as given; the store reads only `TurnFields`. */
    turn: TurnFields,
  ): Promise<SaveResult>;
  /** Version `seq` of a thread with its state, or null. */
  version(botId: string, threadId: string, seq: number): Promise<StoredConversation<State> | null>;
  /** What the head pointer names (a recent version with its state), or null. */
  head(botId: string, threadId: string): Promise<StoredConversation<State> | null>;
  /** The turn recorded with version `seq`. */
  turn(botId: string, threadId: string, seq: number): Promise<Turn | null>;
  /** Points the head at `version` (never backwards). */
  writeHead(botId: string, threadId: string, version: number, state: State): Promise<void>;
  delete(botId: string, threadId: string): Promise<boolean>;
  deleteAll(botId: string): Promise<number>;
}

/** Every this many versions the head moves along by itself (bounds probing after a crash). */
export const HEAD_EVERY = 16;

interface HeadDoc {
  _id: string;
  botId: string;
  threadId: string;
  version: number;
  state: unknown;
  updatedAt: Date;
}

interface VersionDoc extends Turn {
  _id: string;
  state: unknown;
}

/** Before heads, each version was its own `conversations` document with a `state` field. */
interface LegacyVersionDoc {
  botId: string;
  threadId: string;
  version: number;
  state: unknown;
  createdAt: Date;
}

const headId = (botId: string, threadId: string) => JSON.stringify([botId, threadId]);

export function createConversationRepository<State = unknown>(
  db: Db,
): ConversationRepository<State> {
  const heads: Collection<HeadDoc> = db.collection<HeadDoc>(COLLECTIONS.conversations);
  const versions: Collection<VersionDoc> = db.collection<VersionDoc>(COLLECTIONS.turns);

  const readVersion = (botId: string, threadId: string, seq: number) =>
    versions.findOne({ _id: turnId(botId, threadId, seq) });

  /** Follows versions forward from a known one, one `_id` lookup each. */
  async function newestFrom(
    botId: string,
    threadId: string,
    start: StoredConversation<State>,
  ): Promise<StoredConversation<State>> {
    let newest = start;
    for (;;) {
      const next = await readVersion(botId, threadId, newest.version + 1);
      if (!next) return newest;
      newest = {
        version: next.seq,
        state: fromStorableKeys(next.state) as State,
        updatedAt: next.at,
        headVersion: start.headVersion,
      };
    }
  }

  /** A thread written before heads existed: its newest version, found once by a sorted query. */
  async function legacy(
    botId: string,
    threadId: string,
  ): Promise<StoredConversation<State> | null> {
    const legacyVersions = db.collection<LegacyVersionDoc>(COLLECTIONS.conversations);
    const [last] = await legacyVersions
      .find({ botId, threadId, createdAt: { $exists: true } })
      .sort({ version: -1 })
      .limit(1)
      .toArray();
    const [lastTurn] = await versions
      .find({ botId, threadId }, { projection: { seq: 1 } })
      .sort({ seq: -1 })
      .limit(1)
      .toArray();
    const version = Math.max(last?.version ?? 0, lastTurn?.seq ?? 0);
    if (version === 0) return null;
    const state = (fromStorableKeys(last?.state ?? {}) ?? {}) as State;
    await writeHead(botId, threadId, version, state);
    return { version, state, updatedAt: last?.createdAt ?? new Date(), headVersion: version };
  }

  async function writeHead(botId: string, threadId: string, version: number, state: State) {
    try {
      await heads.updateOne(
        { _id: headId(botId, threadId), version: { $lt: version } },
        {
          $set: { botId, threadId, version, state: toStorableKeys(state), updatedAt: new Date() },
        },
        { upsert: true },
      );
    } catch (error) {
      // The head is already further along: another writer moved it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  return {
    async load(botId, threadId, after) {
      if (after)
        return newestFrom(botId, threadId, { ...after, updatedAt: new Date(0), headVersion: 0 });
      const head = await heads.findOne({ _id: headId(botId, threadId) });
      if (!head) {
        // A new thread, one whose head was never written (a crash: it is written now), or
        // one from before heads.
        const first = await readVersion(botId, threadId, 1);
        if (!first) return legacy(botId, threadId);
        const newest = await newestFrom(botId, threadId, {
          version: 1,
          state: fromStorableKeys(first.state) as State,
          updatedAt: first.at,
          headVersion: 0,
        });
        await writeHead(botId, threadId, newest.version, newest.state);
        return { ...newest, headVersion: newest.version };
      }
      return newestFrom(botId, threadId, {
        version: head.version,
        state: fromStorableKeys(head.state) as State,
        updatedAt: head.updatedAt,
        headVersion: head.version,
      });
    },

    async save(botId, threadId, expectedVersion, state, turn) {
      const version = expectedVersion + 1;
      try {
        await versions.insertOne(
          toStorableKeys({
            ...turn,
            botId,
            threadId,
            seq: version,
            _id: turnId(botId, threadId, version),
            state,
          }) as VersionDoc,
        );
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return { ok: false, reason: 'conflict' };
      }
      if (version % HEAD_EVERY !== 0) return { ok: true, version, headVersion: 0 };
      await writeHead(botId, threadId, version, state);
      return { ok: true, version, headVersion: version };
    },

    async version(botId, threadId, seq) {
      const doc = await readVersion(botId, threadId, seq);
      return doc
        ? {
            version: doc.seq,
            state: fromStorableKeys(doc.state) as State,
            updatedAt: doc.at,
            headVersion: 0,
          }
        : null;
    },

    async head(botId, threadId) {
      const head = await heads.findOne({ _id: headId(botId, threadId) });
      return head
        ? {
            version: head.version,
            state: fromStorableKeys(head.state) as State,
            updatedAt: head.updatedAt,
            headVersion: head.version,
          }
        : null;
    },

    async turn(botId, threadId, seq) {
      const doc = await versions.findOne(
        { _id: turnId(botId, threadId, seq) },
        { projection: { _id: 0, state: 0 } },
      );
      return doc ? (fromStorableKeys(doc) as Turn) : null;
    },

    async writeHead(botId, threadId, version, state) {
      // A thread deleted meanwhile must not come back through its head.
      if (await readVersion(botId, threadId, version))
        await writeHead(botId, threadId, version, state);
    },

    async delete(botId, threadId) {
      const [head, turns] = await Promise.all([
        heads.deleteMany({ botId, threadId }),
        versions.deleteMany({ botId, threadId }),
      ]);
      return head.deletedCount + turns.deletedCount > 0;
    },

    async deleteAll(botId) {
      const result = await heads.deleteMany({ botId });
      return result.deletedCount;
    },
  };
}
