import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';

/**
 * Short-lived exclusive locks for per-message work (one Messenger sender's events, say),
 * one document per lock with the lock's name as `_id`: every call is an `_id` lookup, an
 * insert or an `_id` update, however many locks exist.
 *
 * `acquire` returns a token that names this holding; `renew` and `release` need it, so a
 * holder whose lock expired and was taken over cannot extend or drop the new holder's.
 */
export interface LockRepository {
  /** A token when `owner` now holds the lock (it was free or expired); null while another holds it. */
  acquire(name: string, owner: string, ttlMs: number): Promise<string | null>;
  /** Extends the holding; false when it was lost (expired and taken over). */
  renew(name: string, token: string, ttlMs: number): Promise<boolean>;
  release(name: string, token: string): Promise<void>;
  /** Removes locks and takeover records that expired before the date (a cleanup timer). */
  deleteExpiredBefore(date: Date): Promise<number>;
}

interface LockDoc {
  _id: string;
  owner: string;
  token: string;
  expiresAt: Date;
}

/** Tries an insert, then a takeover; a lock released in between gets a second insert. */
const ACQUIRE_ROUNDS = 3;

export function createLockRepository(db: Db): LockRepository {
  const locks = db.collection<LockDoc>(COLLECTIONS.locks);

  async function insert(doc: LockDoc): Promise<boolean> {
    try {
      await locks.insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  return {
    async acquire(name, owner, ttlMs) {
      for (let round = 0; round < ACQUIRE_ROUNDS; round += 1) {
        const now = new Date();
        const mine: LockDoc = {
          _id: name,
          owner,
          token: randomUUID(),
          expiresAt: new Date(now.getTime() + ttlMs),
        };
        if (await insert(mine)) return mine.token;
        const held = await locks.findOne({ _id: name });
        if (!held) continue; // released meanwhile
        if (held.expiresAt > now) return null;
        // An expired holding is taken over by whoever first inserts a record named after
        // its token: a filtered update alone is not a compare-and-set on every server of
        // the common subset (FerretDB reads, then writes), so two takers could both win.
        const claim = { _id: JSON.stringify(['takeover', held.token]), owner, token: mine.token };
        if (!(await insert({ ...claim, expiresAt: mine.expiresAt }))) return null;
        const replaced = await locks.replaceOne({ _id: name, token: held.token }, mine);
        if (replaced.matchedCount === 1) return mine.token;
      }
      return null;
    },

    async renew(name, token, ttlMs) {
      const result = await locks.updateOne(
        { _id: name, token },
        { $set: { expiresAt: new Date(Date.now() + ttlMs) } },
      );
      return result.matchedCount === 1;
    },

    async release(name, token) {
      await locks.deleteOne({ _id: name, token });
    },

    async deleteExpiredBefore(date) {
      const result = await locks.deleteMany({ expiresAt: { $lt: date } });
      return result.deletedCount;
    },
  };
}
