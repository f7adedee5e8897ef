import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { isDuplicateKeyError } from '../errors.js';

/** Installation-wide values every replica must agree on, such as the token signing key. */
export interface SettingsRepository {
  /** Returns the stored secret, creating a random one on first use (the first writer wins). */
  getOrCreateSecret(name: string): Promise<string>;
  /**
   * A random one-time token that expires (the first-run setup link): the unexpired stored one,
   * or a new one. Every replica prints the same link.
   */
  issueOneTimeToken(name: string, ttlMs: number): Promise<{ value: string; expiresAt: Date }>;
  /** True once for the right, unexpired token: it is deleted as it is used. */
  consumeOneTimeToken(name: string, value: string): Promise<boolean>;
}

interface SettingDoc {
  _id: string;
  value: string;
  expiresAt?: Date;
}

export function createSettingsRepository(db: Db): SettingsRepository {
  const settings = db.collection<SettingDoc>(COLLECTIONS.settings);

  async function insertOrKeep(doc: SettingDoc): Promise<SettingDoc> {
    try {
      await settings.insertOne(doc);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const stored = await settings.findOne({ _id: doc._id });
    if (!stored) throw new Error(`setting ${doc._id} vanished`);
    return stored;
  }

  return {
    async getOrCreateSecret(name) {
      const existing = await settings.findOne({ _id: name });
      if (existing) return existing.value;
      return (await insertOrKeep({ _id: name, value: randomBytes(32).toString('base64url') }))
        .value;
    },

    async issueOneTimeToken(name, ttlMs) {
      const existing = await settings.findOne({ _id: name });
      if (existing?.expiresAt && existing.expiresAt.getTime() > Date.now())
        return { value: existing.value, expiresAt: existing.expiresAt };
      if (existing) await settings.deleteOne({ _id: name, value: existing.value });
      const stored = await insertOrKeep({
        _id: name,
        value: randomBytes(24).toString('base64url'),
        expiresAt: new Date(Date.now() + ttlMs),
      });
      return { value: stored.value, expiresAt: stored.expiresAt ?? new Date(0) };
    },

    async consumeOneTimeToken(name, value) {
      const stored = await settings.findOne({ _id: name });
      if (!stored?.expiresAt || stored.expiresAt.getTime() <= Date.now()) return false;
      const given = Buffer.from(value);
      const expected = Buffer.from(stored.value);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      // Deleting by value decides between two requests with the same token.
      return (await settings.deleteOne({ _id: name, value: stored.value })).deletedCount === 1;
    },
  };
}
