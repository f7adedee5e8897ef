import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createDeps, type Deps } from '../deps.js';
import { testDatabaseName } from './test-store.js';

export interface ComposedApp {
  app: Express;
  deps: Deps;
  /** `Authorization` header with an admin API key. */
  admin: string;
  modelsDir: string;
}

/**
 * The whole API as `npm start` wires it (real NLU, dialogue, training, store on the test
 * server) with a fresh database and models directory, torn down after the block.
 */
export function useComposedApp(env: Record<string, string> = {}): () => ComposedApp {
  let composed: ComposedApp | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
  beforeAll(async () => {
    const config = loadConfig({
      MONGODB_URI: process.env.MONGODB_URI,
      MONGODB_DB: testDatabaseName('e2e'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      MODEL_POLL_MS: '200',
      CHECK_RESPONSES: 'true',
      ...env,
    });
    const deps = await createDeps(config, pino({ level: 'silent' }));
    const { key } = await deps.store.apiKeys.create({ name: 'e2e', role: 'admin' });
    composed = {
      app: createApp(deps.app),
      deps,
      admin: `Bearer ${key}`,
      modelsDir: config.modelsDir,
    };
  });
  afterAll(async () => {
    if (composed) {
      await composed.deps.store.db.dropDatabase();
      await composed.deps.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!composed) throw new Error('the composed app is not ready yet');
    return composed;
  };
}

/** Imports a bot export into the default bot and trains it, waiting until the job has ended. */
export async function importAndTrain(
  { app, admin, deps }: ComposedApp,
  bot: object,
): Promise<void> {
  await request(app)
    .post('/api/v1/admin/bots/default/import?allowRemovals=true')
    .set('Authorization', admin)
    .send(bot)
    .expect(200);
  await request(app)
    .post('/api/v1/admin/bots/default/train')
    .set('Authorization', admin)
    .send({})
    .expect(202);
  await deps.training.idle();
}
