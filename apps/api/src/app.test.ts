import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { pino } from 'pino';
import { connectStore, launchDevDatabase } from '@parley/store';
import { createApp } from './app.js';
import { createSessionService } from './auth/sessions.js';
import { useTestApp } from './test-support/test-app.js';

const logger = pino({ level: 'silent' });

describe('createApp', () => {
  const testApp = useTestApp(() => ({ bodyLimitBytes: 2048 }));
  const app = () => testApp().app;

  it('answers /healthz and /readyz when the database answers', async () => {
    await request(app()).get('/healthz').expect(200, { status: 'ok' });
    await request(app()).get('/readyz').expect(200, { status: 'ready', database: 'ok' });
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await request(app()).get('/nope').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/nope' });
  });

  it('echoes a valid request id and makes one up otherwise', async () => {
    const given = await request(app()).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await request(app()).get('/healthz').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed JSON and oversized bodies with 4xx problems', async () => {
    const malformed = await request(app())
      .post('/healthz')
      .set('Content-Type', 'application/json')
      .send('{"a":');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'BAD_REQUEST' });
    const big = await request(app())
      .post('/healthz')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('sets security headers', async () => {
    const res = await request(app()).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('/readyz without a database', () => {
  it('answers 503 when the database is gone', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-gone-'));
    const db = await launchDevDatabase({ dataDir });
    const store = await connectStore({ uri: db.uri, dbName: 'gone' });
    await db.stop();
    try {
      const res = await request(
        createApp({
          logger,
          bodyLimitBytes: 2048,
          trustProxy: 0,
          store,
          ping: store.ping,
          sessions: createSessionService({
            key: 'key',
            ttlMs: 60_000,
            sessions: store.sessions,
            users: store.users,
          }),
        }),
      ).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'NOT_READY' });
    } finally {
      await store.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
