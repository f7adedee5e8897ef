import { randomBytes } from 'node:crypto';
import { connectStore, type ConnectedStore } from '../connect-store.js';

/** A database name no other test uses. */
export function testDatabaseName(prefix = 'test'): string {
  return `parley_${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * Connects to the test server (jest's global setup provides MONGODB_URI) with a fresh
 * database per test file, dropped afterwards. Call it at the top of a describe block.
 */
export function useTestStore(): () => ConnectedStore {
  let store: ConnectedStore | undefined;
  beforeAll(async () => {
    const uri = process.env.MONGODB_URI;
    if (!uri) throw new Error('MONGODB_URI is not set: run the tests through jest (global setup)');
    store = await connectStore({ uri, dbName: testDatabaseName() });
  });
  afterAll(async () => {
    if (!store) return;
    await store.db.dropDatabase();
    await store.close();
  });
  return () => {
    if (!store) throw new Error('the test store is not connected yet');
    return store;
  };
}
