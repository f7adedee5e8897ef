import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';

/**
 * A signed-in admin UI session. The token a browser or client holds names the session; every
 * request reads it by `_id`, so logging out, deleting the user or changing the user's role or
 * password ends it at once on every replica.
 */
export interface SessionRecord {
  id: string;
  userId: string;
  /** The user's token generation when the session began; a bump ends every older session. */
  generation: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionRepository {
  create(input: { userId: string; generation: number; expiresAt: Date }): Promise<SessionRecord>;
  get(id: string): Promise<SessionRecord | null>;
  delete(id: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<number>;
  deleteExpired(now?: Date): Promise<number>;
}

interface SessionDoc extends Omit<SessionRecord, 'id'> {
  _id: string;
}

export function createSessionRepository(db: Db): SessionRepository {
  const sessions = db.collection<SessionDoc>(COLLECTIONS.sessions);

  return {
    async create({ userId, generation, expiresAt }) {
      // 192 random bits: the id is also what the signed token carries.
      const doc: SessionDoc = {
        _id: `ses_${randomBytes(24).toString('base64url')}`,
        userId,
        generation,
        createdAt: new Date(),
        expiresAt,
      };
      await sessions.insertOne(doc);
      return toRecord(doc);
    },

    async get(id) {
      const doc = await sessions.findOne({ _id: id });
      return doc ? toRecord(doc) : null;
    },

    async delete(id) {
      return (await sessions.deleteOne({ _id: id })).deletedCount === 1;
    },

    async deleteForUser(userId) {
      return (await sessions.deleteMany({ userId })).deletedCount;
    },

    async deleteExpired(now = new Date()) {
      return (await sessions.deleteMany({ expiresAt: { $lt: now } })).deletedCount;
    },
  };
}

function toRecord({ _id, ...doc }: SessionDoc): SessionRecord {
  return { ...doc, id: _id };
}
