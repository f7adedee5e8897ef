import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  connectStore,
  launchDevDatabase,
  seedDefaultBot,
  type ConnectedStore,
  type DevDatabase,
} from '@parley/store';
import type { Config } from './config.js';

export interface Deps {
  store: ConnectedStore;
  /** Everything to release on shutdown, in order. */
  close(): Promise<void>;
}

/** Wires the process: database (embedded when MONGODB_URI is unset), seed data. */
export async function createDeps(config: Config, logger: Logger): Promise<Deps> {
  let devDatabase: DevDatabase | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    const dataDir = path.join(config.dataDir, 'devdb');
    await mkdir(dataDir, { recursive: true });
    devDatabase = await launchDevDatabase({ dataDir });
    uri = devDatabase.uri;
    logger.info(
      { dataDir },
      'embedded development database started (set MONGODB_URI to use MongoDB)',
    );
  }
  const store = await connectStore({ uri, dbName: config.mongodbDb });
  await mkdir(config.modelsDir, { recursive: true });
  if (await seedDefaultBot(store)) logger.info('seeded the default bot');

  return {
    store,
    async close() {
      await store.close();
      await devDatabase?.stop();
    },
  };
}
