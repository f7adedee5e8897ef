import type { Express } from 'express';
import { pino } from 'pino';
import { seedDefaultBot, type ConnectedStore } from '@parley/store';
import { createApp, type AppDeps } from '../app.js';
import { createSessionService } from '../auth/sessions.js';
import { connectTestStore } from './test-store.js';

export interface TestApp {
  app: Express;
  store: ConnectedStore;
  /** `Authorization` header values for an admin and a viewer API key. */
  admin: string;
  viewer: string;
}

/**
 * The real app over a fresh database on the test server, with an admin and a viewer key.
 * Call at the top of a describe block; the database is dropped afterwards.
 */
export function useTestApp(
  overrides: (store: ConnectedStore) => Partial<AppDeps> = () => ({}),
): () => TestApp {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    const store = await connectTestStore('api');
    await seedDefaultBot(store);
    const sessions = createSessionService({
      key: await store.settings.getOrCreateSecret('authTokenKey'),
      ttlMs: 60_000,
      sessions: store.sessions,
      users: store.users,
    });
    const app = createApp({
      logger: pino({ level: 'silent' }),
      bodyLimitBytes: 1024 * 1024,
      trustProxy: 0,
      checkResponses: true,
      store,
      ping: store.ping,
      sessions,
      ...overrides(store),
    });
    const admin = await store.apiKeys.create({ name: 'test-admin', role: 'admin' });
    const viewer = await store.apiKeys.create({ name: 'test-viewer', role: 'viewer' });
    testApp = { app, store, admin: `Bearer ${admin.key}`, viewer: `Bearer ${viewer.key}` };
  });
  afterAll(async () => {
    if (!testApp) return;
    await testApp.store.db.dropDatabase();
    await testApp.store.close();
  });
  return () => {
    if (!testApp) throw new Error('the test app is not ready yet');
    return testApp;
  };
}
