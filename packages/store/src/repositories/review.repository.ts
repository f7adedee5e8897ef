import type { Db, Filter } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { fromStorableKeys } from '../safe-keys.js';
import type { Turn } from './turns.repository.js';

export interface ReviewQuery {
  /** Turns answered with a confidence below this need review too. */
  threshold: number;
  /** Channels whose turns are not end users' (the admin's test chat). */
  excludeChannels?: string[];
  cursor?: string | null;
  limit?: number;
}

export interface ReviewPage {
  turns: Turn[];
  nextCursor: string | null;
}

export interface ReviewRepository {
  /**
   * The "needs review" inbox: turns that fell back or whose intent confidence was below the
   * threshold, newest first, paged. `keep` decides which of them still need review.
   */
  list(botId: string, query: ReviewQuery, keep?: (turn: Turn) => boolean): Promise<ReviewPage>;
}

const BATCH = 100;
const MAX_SCANNED = 2000;

/** Reads the append-only chat log; it never writes. */
export function createReviewRepository(db: Db): ReviewRepository {
  const turns = db.collection<Turn>(COLLECTIONS.turns);
  return {
    async list(botId, { threshold, excludeChannels = [], cursor, limit = 50 }, keep = () => true) {
      const size = Math.min(Math.max(limit, 1), 200);
      const after = cursor ? decodeCursor(cursor) : null;
      const match: Filter<Turn> = {
        botId,
        $or: [{ fellBack: true }, { 'nlu.intent.confidence': { $lt: threshold } }],
        ...(excludeChannels.length > 0 && { channel: { $nin: excludeChannels } }),
        ...(after && { at: { $lte: new Date(after.at) } }),
      };
      const found: Turn[] = [];
      let scanned = 0;
      let exhausted = true;
      const stream = turns
        .find(match, { projection: { _id: 0 } })
        .sort({ at: -1, threadId: 1, seq: 1 })
        .batchSize(BATCH);
      for await (const doc of stream) {
        const turn = fromStorableKeys(doc) as Turn;
        if (after && !isAfter(turn, after)) continue;
        scanned++;
        if (keep(turn)) found.push(turn);
        if (found.length > size || scanned >= MAX_SCANNED) {
          exhausted = false;
          break;
        }
      }
      await stream.close();
      const page = found.slice(0, size);
      const last = page.at(-1);
      return {
        turns: page,
        nextCursor: !exhausted && last ? encodeCursor(last) : null,
      };
    },
  };
}

interface Position {
  at: number;
  threadId: string;
  seq: number;
}

/** Whether a turn comes after the cursor in the order at desc, threadId asc, seq asc. */
function isAfter(turn: Turn, cursor: Position): boolean {
  const at = turn.at.getTime();
  if (at !== cursor.at) return at < cursor.at;
  if (turn.threadId !== cursor.threadId) return turn.threadId > cursor.threadId;
  return turn.seq > cursor.seq;
}

function encodeCursor(turn: Turn): string {
  return Buffer.from(JSON.stringify([turn.at.getTime(), turn.threadId, turn.seq])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): Position | null {
  try {
    const [at, threadId, seq] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString(),
    ) as unknown[];
    if (typeof at !== 'number' || typeof threadId !== 'string' || typeof seq !== 'number')
      return null;
    return { at, threadId, seq };
  } catch {
    return null;
  }
}
