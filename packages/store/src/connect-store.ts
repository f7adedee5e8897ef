import { MongoClient, type Db } from 'mongodb';
import { ensureIndexes } from './indexes.js';
import { createStore, type Store } from './store.js';

export interface ConnectedStore extends Store {
  client: MongoClient;
  db: Db;
  /** True when the database answers a ping. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  uri: string;
  /** Database name; defaults to the one in the URI, else `parley`. */
  dbName?: string;
}

/** Connects, creates the indexes (idempotent) and returns the repositories. */
export async function connectStore({ uri, dbName }: ConnectOptions): Promise<ConnectedStore> {
  const client = await MongoClient.connect(uri, {
    serverSelectionTimeoutMS: 10_000,
    // DocumentDB does not support retryable writes.
    retryWrites: !uri.includes('docdb.amazonaws.com'),
  });
  const db = client.db(
    dbName ?? (client.options.dbName !== 'test' ? client.options.dbName : 'parley'),
  );
  await ensureIndexes(db);
  return {
    ...createStore(db),
    client,
    db,
    async ping() {
      try {
        await db.command({ ping: 1 });
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}
