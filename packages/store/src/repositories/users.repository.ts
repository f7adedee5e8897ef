import type { Db } from 'mongodb';
import { COLLECTIONS } from '../collections.js';
import { DuplicateKeyError, isDuplicateKeyError } from '../errors.js';
import { newId } from '../ids.js';
import type { Role } from './api-keys.repository.js';

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  createdAt: Date;
}

export interface UserUpdate {
  role?: Role;
  passwordHash?: string;
}

/**
 * Admin UI users. The password hash is produced and checked by the caller (scrypt). Each user
 * has a token generation: changing the role or password, or "log out everywhere", bumps it, and
 * sessions begun under an older generation stop working.
 */
export interface UserRepository {
  create(input: { username: string; role: Role; passwordHash: string }): Promise<UserRecord>;
  /** The user and its password hash, for login only. */
  findForLogin(
    username: string,
  ): Promise<{ user: UserRecord; passwordHash: string; generation: number } | null>;
  get(id: string): Promise<UserRecord | null>;
  /** The user with its current token generation, for checking a session. */
  getForAuth(id: string): Promise<{ user: UserRecord; generation: number } | null>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  /** Changes role and/or password and bumps the generation; null when the user does not exist. */
  update(id: string, update: UserUpdate): Promise<UserRecord | null>;
  /** Ends every session of the user (log out everywhere). */
  bumpGeneration(id: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

interface UserDoc extends Omit<UserRecord, 'id'> {
  _id: string;
  passwordHash: string;
  /** Absent on users created before generations existed: read as 0. */
  tokenGeneration?: number;
}

export function createUserRepository(db: Db): UserRepository {
  const users = db.collection<UserDoc>(COLLECTIONS.users);

  return {
    async create({ username, role, passwordHash }) {
      const doc: UserDoc = {
        _id: newId('user'),
        username,
        role,
        passwordHash,
        tokenGeneration: 0,
        createdAt: new Date(),
      };
      try {
        await users.insertOne(doc);
      } catch (error) {
        if (isDuplicateKeyError(error))
          throw new DuplicateKeyError(COLLECTIONS.users, { username });
        throw error;
      }
      return toRecord(doc);
    },

    async findForLogin(username) {
      const doc = await users.findOne({ username });
      return doc
        ? { user: toRecord(doc), passwordHash: doc.passwordHash, generation: generationOf(doc) }
        : null;
    },

    async get(id) {
      const doc = await users.findOne({ _id: id });
      return doc ? toRecord(doc) : null;
    },

    async getForAuth(id) {
      const doc = await users.findOne({ _id: id });
      return doc ? { user: toRecord(doc), generation: generationOf(doc) } : null;
    },

    async list() {
      return (await users.find({}).sort({ username: 1 }).toArray()).map(toRecord);
    },

    count: () => users.countDocuments({}),

    async update(id, update) {
      const set: Partial<UserDoc> = {};
      if (update.role) set.role = update.role;
      if (update.passwordHash) set.passwordHash = update.passwordHash;
      const result = await users.findOneAndUpdate(
        { _id: id },
        { $set: set, $inc: { tokenGeneration: 1 } },
        { returnDocument: 'after' },
      );
      return result ? toRecord(result) : null;
    },

    async bumpGeneration(id) {
      return (
        (await users.updateOne({ _id: id }, { $inc: { tokenGeneration: 1 } })).matchedCount === 1
      );
    },

    async delete(id) {
      return (await users.deleteOne({ _id: id })).deletedCount === 1;
    },
  };
}

function generationOf(doc: UserDoc): number {
  return doc.tokenGeneration ?? 0;
}

function toRecord({
  _id,
  passwordHash: _hash,
  tokenGeneration: _gen,
  ...doc
}: UserDoc): UserRecord {
  return { ...doc, id: _id };
}
