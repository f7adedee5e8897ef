import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  connectStore,
  launchDevDatabase,
  seedDefaultBot,
  type ConnectedStore,
  type DevDatabase,
} from '@parley/store';
import { createTokenService, type TokenService } from './auth/tokens.js';
import type { Config } from './config.js';

const TOKEN_TTL_MS = 60 * 60_000;
/** Where a running API leaves its embedded database's address for CLI tools (in DATA_DIR). */
export const DEV_DATABASE_URI_FILE = 'devdb.uri';

export interface Deps {
  store: ConnectedStore;
  tokens: TokenService;
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
    await writeFile(path.join(config.dataDir, DEV_DATABASE_URI_FILE), uri);
    logger.info(
      { dataDir },
      'embedded development database started (set MONGODB_URI to use MongoDB)',
    );
  }
  const store = await connectStore({ uri, dbName: config.mongodbDb });
  await mkdir(config.modelsDir, { recursive: true });
  if (await seedDefaultBot(store)) logger.info('seeded the default bot');
  // Every replica signs and checks login tokens with the same key, kept in the database.
  const tokens = createTokenService(
    await store.settings.getOrCreateSecret('authTokenKey'),
    TOKEN_TTL_MS,
  );

  return {
    store,
    tokens,
    async close() {
      await store.close();
      if (devDatabase) {
        await rm(path.join(config.dataDir, DEV_DATABASE_URI_FILE), { force: true });
        await devDatabase.stop();
      }
    },
  };
}
