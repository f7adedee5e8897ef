import { MongoClient, type Db } from 'mongodb';
import { isDatabaseUnavailable } from './errors.js';
import { ensureIndexes } from './indexes.js';
import { createStore, type Store } from './store.js';

// A readiness probe must answer quickly even when the database is gone.
const PING_TIMEOUT_MS = 2000;
/**
 * How long an operation waits for a reachable server: while the database is away requests fail
 * (503) after this, instead of hanging; the driver reconnects by itself when it is back.
 */
const SERVER_SELECTION_TIMEOUT_MS = 3000;
/** How long the first connection may take (a database still starting). */
const CONNECT_DEADLINE_MS = 30_000;

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
  /** Emit the driver's command events (benchmarks and tests count database commands). */
  monitorCommands?: boolean;
}

/** Connects, creates the indexes (idempotent) and returns the repositories. */
export async function connectStore({
  uri,
  dbName,
  monitorCommands = false,
}: ConnectOptions): Promise<ConnectedStore> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    // DocumentDB does not support retryable writes.
    retryWrites: !uri.includes('docdb.amazonaws.com'),
    monitorCommands,
  });
  for (const deadline = Date.now() + CONNECT_DEADLINE_MS; ;) {
    try {
      await client.connect();
      break;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw error;
    }
  }
  const db = client.db(
    dbName ?? (client.options.dbName !== 'test' ? client.options.dbName : 'parley'),
  );
  await ensureIndexes(db);
  return {
    ...createStore(db),
    client,
    db,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      });
      const pong = db.command({ ping: 1 }).then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([pong, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => client.close(),
  };
}
