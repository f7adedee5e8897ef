import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';

/** Installation-wide values every replica must agree on, such as the token signing key. */
export interface SettingsRepository {
  /** Returns the stored secret, creating a random one on first use (the first writer wins). */
  getOrCreateSecret(name: string): Promise<string>;
}

interface SettingDoc {
  _id: string;
  value: string;
}

export function createSettingsRepository(db: Db): SettingsRepository {
  const settings = db.collection<SettingDoc>(COLLECTIONS.settings);

  return {
    async getOrCreateSecret(name) {
      const existing = await settings.findOne({ _id: name });
      if (existing) return existing.value;
      try {
        await settings.insertOne({ _id: name, value: randomBytes(32).toString('base64url') });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const stored = await settings.findOne({ _id: name });
      if (!stored) throw new Error(`setting ${name} vanished`);
      return stored.value;
    },
  };
}
