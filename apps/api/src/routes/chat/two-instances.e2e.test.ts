import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDeps, type Deps } from '../../deps.js';
import { testDatabaseName } from '../../test-support/test-store.js';

/** Two API instances on one database, as behind a load balancer without sticky sessions. */
describe('chat on two instances sharing a database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-two-'));
  const dbName = testDatabaseName('two');
  const instances: Array<{ app: Express; deps: Deps }> = [];
  let key = '';

  beforeAll(async () => {
    for (const name of ['a', 'b']) {
      const config = loadConfig({
        MONGODB_URI: process.env.MONGODB_URI,
        MONGODB_DB: dbName,
        DATA_DIR: path.join(dataDir, name),
        LOG_LEVEL: 'silent',
        INSTANCE_ID: name,
        CHAT_RATE_LIMIT_PER_THREAD: '1000',
      });
      const deps = await createDeps(config, pino({ level: 'silent' }));
      instances.push({ app: createApp(deps.app), deps });
    }
    key = (await instances[0]!.deps.store.apiKeys.create({ name: 'two', role: 'admin' })).key;
  });
  afterAll(async () => {
    await instances[0]?.deps.store.db.dropDatabase();
    for (const { deps } of instances) await deps.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every one of 50 parallel messages on one thread: 50 turns, in order, none lost or doubled', async () => {
    const sent = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        request(instances[n % 2]!.app)
          .post('/api/v1/bots/default/chat')
          .set('Authorization', `Bearer ${key}`)
          .send({ threadId: 'shared', text: `hello ${n}`, clientMessageId: `m-${n}` }),
      ),
    );
    expect(sent.map((res) => res.status).filter((status) => status !== 200)).toEqual([]);
    const transcript = await request(instances[1]!.app)
      .get('/api/v1/admin/bots/default/threads/shared?limit=100')
      .set('Authorization', `Bearer ${key}`)
      .expect(200);
    const turns = transcript.body.turns as Array<{ seq: number; clientMessageId: string }>;
    expect(turns.map((turn) => turn.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(turns.map((turn) => turn.clientMessageId)).size).toBe(50);
    // Each reply carried the version its own turn produced.
    expect(new Set(sent.map((res) => res.body.seq)).size).toBe(50);
  }, 60_000);
});
