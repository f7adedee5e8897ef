// Jest global setup for packages that need MongoDB: with MONGODB_URI set, tests use that
// server; otherwise a throw-away embedded development database runs for this jest run.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

export default async function databaseSetup() {
  if (process.env.MONGODB_URI) return;
  // Global setup runs outside jest's transform, so TypeScript sources load through tsx.
  const unregister = register();
  const { launchDevDatabase } =
    await import('../../packages/store/src/devdb/launch-dev-database.ts');
  await unregister();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-test-db-'));
  const db = await launchDevDatabase({ dataDir });
  process.env.MONGODB_URI = db.uri;
  process.env.PARLEY_TEST_DB_DIR = dataDir;
  globalThis.__PARLEY_DEV_DB__ = db;
}
