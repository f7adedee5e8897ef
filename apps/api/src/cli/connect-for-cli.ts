import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { connectStore, launchDevDatabase, type ConnectedStore } from '@parley/store';
import type { Config } from '../config.js';
import { DEV_DATABASE_URI_FILE } from '../deps.js';

/**
 * The store a command-line tool should use: MONGODB_URI; else the embedded database of a
 * running `npm start` (it leaves its address in DATA_DIR); else a private embedded
 * database on the same data directory, stopped on close.
 */
export async function connectForCli(config: Config): Promise<ConnectedStore> {
  if (config.mongodbUri) return connectStore({ uri: config.mongodbUri, dbName: config.mongodbDb });

  const running = await readFile(path.join(config.dataDir, DEV_DATABASE_URI_FILE), 'utf8').catch(
    () => null,
  );
  if (running) {
    try {
      const store = await connectStore({ uri: running.trim(), dbName: config.mongodbDb });
      if (await store.ping()) return store;
      await store.close();
    } catch {
      // The server that wrote the file is gone; start our own below.
    }
  }
  const devDatabase = await launchDevDatabase({ dataDir: path.join(config.dataDir, 'devdb') });
  const store = await connectStore({ uri: devDatabase.uri, dbName: config.mongodbDb });
  return {
    ...store,
    async close() {
      await store.close();
      await devDatabase.stop();
    },
  };
}
