import { rmSync } from 'node:fs';

export default async function databaseTeardown() {
  const db = globalThis.__PARLEY_DEV_DB__;
  if (!db) return;
  await db.stop();
  if (process.env.PARLEY_TEST_DB_DIR)
    rmSync(process.env.PARLEY_TEST_DB_DIR, { recursive: true, force: true });
}
