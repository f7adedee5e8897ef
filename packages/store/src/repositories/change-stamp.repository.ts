import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';

/**
 * One value that changes whenever something an API instance caches per message changes: a
 * bot's settings or definition, a channel integration, an API key, a deleted conversation.
 * Instances poll it (one `_id` lookup a second) and drop their caches when it moves, so a
 * revocation reaches every replica within a poll. A random value rather than a counter: two
 * writers racing through FerretDB's read-then-write would otherwise write the same number.
 */
export interface ChangeStamp {
  /** Marks a change; listeners in this process hear of it at once. */
  bump(): Promise<void>;
  current(): Promise<string>;
  /** Calls `listener` when this process bumps the stamp (other processes: poll `current`). */
  onLocalBump(listener: () => void): () => void;
}

const STAMP_ID = 'changeStamp';

export function createChangeStamp(db: Db): ChangeStamp {
  const settings = db.collection<{ _id: string; value: string }>(COLLECTIONS.settings);
  const listeners = new Set<() => void>();
  return {
    async bump() {
      await settings.updateOne(
        { _id: STAMP_ID },
        { $set: { value: randomUUID() } },
        { upsert: true },
      );
      for (const listener of listeners) listener();
    },
    async current() {
      return (await settings.findOne({ _id: STAMP_ID }))?.value ?? '';
    },
    onLocalBump(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
