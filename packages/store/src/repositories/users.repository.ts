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

/** Admin UI users. The password hash is produced and checked by the caller (scrypt). */
export interface UserRepository {
  create(input: { username: string; role: Role; passwordHash: string }): Promise<UserRecord>;
  /** The user and its password hash, for login only. */
  findForLogin(username: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  get(id: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  setPasswordHash(id: string, passwordHash: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

interface UserDoc extends Omit<UserRecord, 'id'> {
  _id: string;
  passwordHash: string;
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
      return doc ? { user: toRecord(doc), passwordHash: doc.passwordHash } : null;
    },

    async get(id) {
      const doc = await users.findOne({ _id: id });
      return doc ? toRecord(doc) : null;
    },

    async list() {
      return (await users.find({}).sort({ username: 1 }).toArray()).map(toRecord);
    },

    async setPasswordHash(id, passwordHash) {
      return (await users.updateOne({ _id: id }, { $set: { passwordHash } })).matchedCount === 1;
    },

    async delete(id) {
      return (await users.deleteOne({ _id: id })).deletedCount === 1;
    },
  };
}

function toRecord({ _id, passwordHash: _hash, ...doc }: UserDoc): UserRecord {
  return { ...doc, id: _id };
}
