import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { DuplicateKeyError, isDuplicateKeyError, StoreValidationError } from '../errors.js';
import { fromStorableKeys, toStorableKeys } from '../safe-keys.js';

/** A chat turn as the log keeps it. Free-form parts are whatever the dialogue recorded. */
/** What the store reads of a turn (its indexes, thread lists and filters). */
export interface TurnFields {
  botId: string;
  threadId: string;
  seq: number;
  at: Date;
  channel: string;
  userText: string;
  intentId: string | null;
  fellBack: boolean;
  latencyMs: number;
}

/** A stored turn: the fields the store reads, and whatever else the writer recorded. */
export interface Turn extends TurnFields {
  [detail: string]: unknown;
}

export interface ThreadSummary {
  threadId: string;
  firstAt: Date;
  lastAt: Date;
  turns: number;
  fallbacks: number;
}

export interface ThreadFilter {
  from?: Date;
  to?: Date;
  intentId?: string;
  channel?: string;
  fellBackOnly?: boolean;
  /** Only turns whose intent confidence was below this. */
  belowConfidence?: number;
}

export interface ThreadPage {
  threads: ThreadSummary[];
  /** Pass back to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The transcript. Turns are written by the conversation repository, each with the state
 * version it produced; `append` writes a turn alone (imports, tests).
 */
export interface TurnRepository {
  /** Appends a turn; a second turn with the same (botId, threadId, seq) is refused. */
  append(turn: Turn): Promise<void>;
  listThread(
    botId: string,
    threadId: string,
    options?: { afterSeq?: number; limit?: number },
  ): Promise<Turn[]>;
  /** Threads with matching turns, most recently active first. */
  listThreads(
    botId: string,
    filter?: ThreadFilter,
    page?: { cursor?: string | null; limit?: number },
  ): Promise<ThreadPage>;
  /** Forgets one thread's transcript; returns how many turns were removed. */
  deleteThread(botId: string, threadId: string): Promise<number>;
  deleteAll(botId: string): Promise<number>;
}

type TurnDoc = Turn & { _id?: string; state?: unknown };

/** A turn's `_id`: bot, thread and version, so the turn of a version is one `_id` lookup. */
export const turnId = (botId: string, threadId: string, seq: number) =>
  JSON.stringify([botId, threadId, seq]);

const MAX_PAGE = 200;

export function createTurnRepository(db: Db): TurnRepository {
  const turns = db.collection<TurnDoc>(COLLECTIONS.turns);

  return {
    async append(turn) {
      try {
        await turns.insertOne(
          toStorableKeys({ ...turn, _id: turnId(turn.botId, turn.threadId, turn.seq) }),
        );
      } catch (error) {
        if (isDuplicateKeyError(error)) {
          throw new DuplicateKeyError(COLLECTIONS.turns, {
            botId: turn.botId,
            threadId: turn.threadId,
            seq: turn.seq,
          });
        }
        throw error;
      }
    },

    async listThread(botId, threadId, { afterSeq = 0, limit = 100 } = {}) {
      const docs = await turns
        .find({ botId, threadId, seq: { $gt: afterSeq } }, { projection: { _id: 0, state: 0 } })
        .sort({ seq: 1 })
        .limit(Math.min(limit, 1000))
        .toArray();
      return docs.map((doc) => fromStorableKeys(doc) as Turn);
    },

    async listThreads(botId, filter = {}, { cursor = null, limit = 50 } = {}) {
      const match: Filter<TurnDoc> = { botId };
      if (filter.from || filter.to) {
        match.at = {
          ...(filter.from && { $gte: filter.from }),
          ...(filter.to && { $lt: filter.to }),
        };
      }
      if (filter.intentId) match.intentId = filter.intentId;
      if (filter.channel) match.channel = filter.channel;
      if (filter.fellBackOnly) match.fellBack = true;
      if (filter.belowConfidence !== undefined)
        (match as Record<string, unknown>)['nlu.intent.confidence'] = {
          $lt: filter.belowConfidence,
        };

      const size = Math.min(Math.max(limit, 1), MAX_PAGE);
      const after = cursor ? decodeCursor(cursor) : null;
      if (cursor && !after)
        throw new StoreValidationError('The paging cursor is not one this API gave.', [
          { path: 'query.cursor', message: 'not a cursor from a previous page' },
        ]);
      // FerretDB's $group knows only $sum and $count, so threads are ordered by walking
      // matching turns newest first: a thread's place is its newest matching turn.
      const scan: Filter<TurnDoc> = after
        ? { ...match, at: { ...(match.at as object), $lte: new Date(after.lastAt) } }
        : match;
      const stream = turns
        .find(scan, { projection: { _id: 0, threadId: 1, at: 1 } })
        .sort({ at: -1, threadId: 1 });
      const seen = new Set<string>();
      const found: Array<{ threadId: string; lastAt: Date }> = [];
      for await (const doc of stream) {
        if (seen.has(doc.threadId)) continue;
        seen.add(doc.threadId);
        if (after && (await shownBefore(doc.threadId, doc.at, after))) continue;
        found.push({ threadId: doc.threadId, lastAt: doc.at });
        if (found.length > size) break;
      }
      await stream.close();

      const pageRows = found.slice(0, size);
      const ids = pageRows.map((row) => row.threadId);
      const [counts, fallbacks, firsts] = await Promise.all([
        countByThread({ ...match, threadId: { $in: ids } }),
        countByThread({ ...match, threadId: { $in: ids }, fellBack: true }),
        Promise.all(
          ids.map((threadId) =>
            turns
              .find({ ...match, threadId }, { projection: { at: 1 } })
              .sort({ at: 1 })
              .limit(1)
              .next(),
          ),
        ),
      ]);
      const last = pageRows.at(-1);
      return {
        threads: pageRows.map((row, index) => ({
          threadId: row.threadId,
          firstAt: firsts[index]?.at ?? row.lastAt,
          lastAt: row.lastAt,
          turns: counts.get(row.threadId) ?? 0,
          fallbacks: fallbacks.get(row.threadId) ?? 0,
        })),
        nextCursor:
          found.length > size && last ? encodeCursor(last.lastAt.getTime(), last.threadId) : null,
      };

      /** Whether an earlier page (ordered by newest turn, then thread id) already had the thread. */
      async function shownBefore(
        threadId: string,
        at: Date,
        cursorAt: { lastAt: number; threadId: string },
      ) {
        if (at.getTime() === cursorAt.lastAt && threadId <= cursorAt.threadId) return true;
        const newer = await turns.findOne(
          { ...match, threadId, at: { ...(match.at as object), $gt: new Date(cursorAt.lastAt) } },
          { projection: { _id: 1 } },
        );
        return newer !== null;
      }

      async function countByThread(filterBy: Filter<TurnDoc>): Promise<Map<string, number>> {
        if (ids.length === 0) return new Map();
        const rows = await turns
          .aggregate<{ _id: string; n: number }>([
            { $match: filterBy },
            { $group: { _id: '$threadId', n: { $sum: 1 } } },
          ])
          .toArray();
        return new Map(rows.map((row) => [row._id, row.n]));
      }
    },

    async deleteThread(botId, threadId) {
      return (await turns.deleteMany({ botId, threadId })).deletedCount;
    },

    async deleteAll(botId) {
      const result = await turns.deleteMany({ botId });
      return result.deletedCount;
    },
  };
}

function encodeCursor(lastAt: number, threadId: string): string {
  return Buffer.from(JSON.stringify([lastAt, threadId])).toString('base64url');
}

function decodeCursor(cursor: string): { lastAt: number; threadId: string } | null {
  try {
    const [lastAt, threadId] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      unknown,
      unknown,
    ];
    if (typeof lastAt !== 'number' || typeof threadId !== 'string') return null;
    return { lastAt, threadId };
  } catch {
    return null;
  }
}
