import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';

/**
 * Time-limited exclusive ownership of a named job (e.g. training one bot), so only one
 * API instance does it. Built on a unique `_id` and single-document updates.
 */
export interface LeaseRepository {
  /** True when `owner` now holds the lease (new, expired, or already its own). */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lease the owner still holds. */
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export function createLeaseRepository(db: Db): LeaseRepository {
  const leases = db.collection<LeaseDoc>(COLLECTIONS.leases);

  return {
    async acquire(name, owner, ttlMs) {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + ttlMs);
      const taken = await leases.updateOne(
        { _id: name, $or: [{ owner }, { expiresAt: { $lte: now } }] },
        { $set: { owner, expiresAt } },
      );
      if (taken.matchedCount === 1) return true;
      try {
        await leases.insertOne({ _id: name, owner, expiresAt });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    async renew(name, owner, ttlMs) {
      const result = await leases.updateOne(
        { _id: name, owner },
        { $set: { expiresAt: new Date(Date.now() + ttlMs) } },
      );
      return result.matchedCount === 1;
    },

    async release(name, owner) {
      await leases.deleteOne({ _id: name, owner });
    },
  };
}
