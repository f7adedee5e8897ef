import { createHash, randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { newId } from '../ids.js';

export type Role = 'admin' | 'viewer';

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  /** The first characters of the key, to recognise it in a list. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyRepository {
  /** Creates a key. The plain key is returned once and never stored. */
  create(input: { name: string; role: Role }): Promise<{ key: string; record: ApiKeyRecord }>;
  /** The record of an active key, or null. */
  verify(key: string): Promise<ApiKeyRecord | null>;
  list(): Promise<ApiKeyRecord[]>;
  revoke(id: string): Promise<boolean>;
  /** Records that a key was just used (callers that cache `verify` call it now and then). */
  touch(id: string): Promise<void>;
}

interface ApiKeyDoc extends Omit<ApiKeyRecord, 'id'> {
  _id: string;
  hash: string;
}

const KEY_PREFIX = 'pk_';
const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys are 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function createApiKeyRepository(db: Db): ApiKeyRepository {
  const keys = db.collection<ApiKeyDoc>(COLLECTIONS.apiKeys);

  return {
    async create({ name, role }) {
      const key = KEY_PREFIX + randomBytes(32).toString('base64url');
      const doc: ApiKeyDoc = {
        _id: newId('key'),
        name,
        role,
        prefix: key.slice(0, 10),
        hash: hashKey(key),
        createdAt: new Date(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await keys.insertOne(doc);
      return { key, record: toRecord(doc) };
    },

    async verify(key) {
      if (!key.startsWith(KEY_PREFIX)) return null;
      const doc = await keys.findOne({ hash: hashKey(key), revokedAt: null });
      if (!doc) return null;
      const now = new Date();
      // Recording every use would make each request a write; a minute's precision will do.
      if (!doc.lastUsedAt || now.getTime() - doc.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await keys.updateOne({ _id: doc._id }, { $set: { lastUsedAt: now } });
        doc.lastUsedAt = now;
      }
      return toRecord(doc);
    },

    async list() {
      const docs = await keys.find({}).sort({ createdAt: 1 }).toArray();
      return docs.map(toRecord);
    },

    async touch(id) {
      await keys.updateOne({ _id: id }, { $set: { lastUsedAt: new Date() } });
    },

    async revoke(id) {
      const result = await keys.updateOne(
        { _id: id, revokedAt: null },
        { $set: { revokedAt: new Date() } },
      );
      return result.modifiedCount === 1;
    },
  };
}

function toRecord({ _id, hash: _hash, ...doc }: ApiKeyDoc): ApiKeyRecord {
  return { ...doc, id: _id };
}
