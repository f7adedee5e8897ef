import type { Collection, Db, Document } from 'mongodb';
import type { z } from 'zod';
import { COLLECTIONS } from '../collections.js';
import { DuplicateKeyError, isDuplicateKeyError } from '../errors.js';

/**
 * CRUD for definitions that live inside a bot and are named by a key unique per bot
 * (intents by `intentId`, entities by `name`). Values are validated with the domain
 * schema on the way in and out.
 */
export interface BotScopedRepository<T, Input> {
  create(botId: string, input: Input): Promise<T>;
  get(botId: string, key: string): Promise<T | null>;
  list(botId: string): Promise<T[]>;
  /** When each definition was last written, by key. */
  lastUpdated(botId: string): Promise<Map<string, Date>>;
  /** Replaces the definition stored under `key` (which may be renamed); null when missing. */
  replace(botId: string, key: string, input: Input): Promise<T | null>;
  delete(botId: string, key: string): Promise<boolean>;
  /** Replaces every definition of the bot (import). Validates everything before writing. */
  replaceAll(botId: string, inputs: Input[]): Promise<T[]>;
  deleteAll(botId: string): Promise<number>;
  count(botId: string): Promise<number>;
}

interface Options<S extends z.ZodType> {
  db: Db;
  collection: string;
  keyField: string;
  schema: S;
}

type StoredDoc = Document & { botId: string; createdAt: Date; updatedAt: Date };

export function createBotScopedRepository<S extends z.ZodType>({
  db,
  collection: name,
  keyField,
  schema,
}: Options<S>): BotScopedRepository<z.infer<S>, z.input<S>> {
  type T = z.infer<S>;
  const collection: Collection<StoredDoc> = db.collection<StoredDoc>(name);
  const keyOf = (value: T) => (value as Record<string, string>)[keyField]!;
  const toValue = (doc: StoredDoc): T => {
    const { _id, botId: _botId, createdAt: _c, updatedAt: _u, ...rest } = doc;
    return schema.parse(rest) as T;
  };
  // Readers that cache a bot's definition compare this counter to know when to reload.
  const bots = db.collection<{ _id: string; definitionVersion?: number }>(COLLECTIONS.bots);
  const touched = async <R>(botId: string, result: R): Promise<R> => {
    await bots.updateOne({ _id: botId }, { $inc: { definitionVersion: 1 } });
    return result;
  };
  const duplicate = (botId: string, key: string) =>
    new DuplicateKeyError(name, { botId, [keyField]: key });

  return {
    async create(botId, input) {
      const value = schema.parse(input) as T;
      const now = new Date();
      try {
        await collection.insertOne({ ...(value as object), botId, createdAt: now, updatedAt: now });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw duplicate(botId, keyOf(value));
        throw error;
      }
      return touched(botId, value);
    },

    async get(botId, key) {
      const doc = await collection.findOne({ botId, [keyField]: key });
      return doc ? toValue(doc) : null;
    },

    async list(botId) {
      const docs = await collection
        .find({ botId })
        .sort({ [keyField]: 1 })
        .toArray();
      return docs.map(toValue);
    },

    async lastUpdated(botId) {
      const docs = await collection
        .find({ botId }, { projection: { _id: 0, [keyField]: 1, updatedAt: 1 } })
        .toArray();
      return new Map(docs.map((doc) => [String(doc[keyField]), doc.updatedAt]));
    },

    async replace(botId, key, input) {
      const value = schema.parse(input) as T;
      try {
        // A replacement: fields the new value leaves out are gone, not kept from the old one.
        const current = await collection.findOne({ botId, [keyField]: key });
        if (!current) return null;
        const result = await collection.replaceOne(
          { _id: current._id },
          { ...(value as object), botId, createdAt: current.createdAt, updatedAt: new Date() },
        );
        return result.matchedCount === 1 ? touched(botId, value) : null;
      } catch (error) {
        if (isDuplicateKeyError(error)) throw duplicate(botId, keyOf(value));
        throw error;
      }
    },

    async delete(botId, key) {
      const result = await collection.deleteOne({ botId, [keyField]: key });
      return touched(botId, result.deletedCount === 1);
    },

    async replaceAll(botId, inputs) {
      const values = inputs.map((input) => schema.parse(input) as T);
      const keys = new Set<string>();
      for (const value of values) {
        if (keys.has(keyOf(value))) throw duplicate(botId, keyOf(value));
        keys.add(keyOf(value));
      }
      const now = new Date();
      // Upsert every new definition first, then remove the ones that are gone, so a reader
      // never sees the bot empty halfway through.
      if (values.length > 0) {
        await collection.bulkWrite(
          values.map((value) => ({
            replaceOne: {
              filter: { botId, [keyField]: keyOf(value) },
              replacement: { ...(value as object), botId, createdAt: now, updatedAt: now },
              upsert: true,
            },
          })),
          { ordered: true },
        );
      }
      await collection.deleteMany({ botId, [keyField]: { $nin: [...keys] } });
      return touched(botId, values);
    },

    async deleteAll(botId) {
      const result = await collection.deleteMany({ botId });
      return touched(botId, result.deletedCount);
    },

    count: (botId) => collection.countDocuments({ botId }),
  };
}
