import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';

/**
 * Time-limited exclusive ownership of a named job (e.g. training one bot), so only one
 * API instance does it. Built on unique `_id` inserts.
 */
export interface LeaseRepository {
  /** True when `owner` now holds the lease (new, expired, or already its own). */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease the owner still holds. */
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

interface LeaseDoc {
  /** `name#term`: each takeover inserts the next term, so the unique `_id` decides a race. */
  _id: string;
  name: string;
  term: number;
  owner: string;
  expiresAt: Date;
}

export function createLeaseRepository(db: Db): LeaseRepository {
  const leases = db.collection<LeaseDoc>(COLLECTIONS.leases);

  // Updates are not atomic on every server of the common subset (FerretDB reads, then
  // writes), so a lease changes hands only by inserting a new term; only its owner updates it.
  async function current(name: string): Promise<LeaseDoc | null> {
    const [doc] = await leases.find({ name }).sort({ term: -1 }).limit(1).toArray();
    return doc ?? null;
  }

  return {
    async acquire(name, owner, ttlMs) {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + ttlMs);
      const held = await current(name);
      if (held && held.expiresAt > now) {
        if (held.owner !== owner) return false;
        await leases.updateOne({ _id: held._id, owner }, { $set: { expiresAt } });
        return true;
      }
      const term = (held?.term ?? 0) + 1;
      try {
        await leases.insertOne({ _id: `${name}#${term}`, name, term, owner, expiresAt });
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
      await leases.deleteMany({ name, term: { $lt: term } });
      return true;
    },

    async renew(name, owner, ttlMs) {
      const held = await current(name);
      if (!held || held.owner !== owner) return false;
      await leases.updateOne(
        { _id: held._id, owner },
        { $set: { expiresAt: new Date(Date.now() + ttlMs) } },
      );
      return true;
    },

    async release(name, owner) {
      const held = await current(name);
      if (held?.owner === owner)
        await leases.updateOne({ _id: held._id, owner }, { $set: { expiresAt: new Date(0) } });
    },
  };
}
