import { randomBytes } from 'node:crypto';
import { connectStore, type ConnectedStore } from '@parley/store';

/** A database name no other test uses, on the test server (jest's global setup provides MONGODB_URI). */
export function testDatabaseName(prefix: string): string {
  return `parley_${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * A fresh, uniquely named database on the test server, or the one an API process under test
 * was started with (`dbName`); the caller drops it when done.
 */
export function connectTestStore(
  prefix: string,
  options: { monitorCommands?: boolean; dbName?: string } = {},
): Promise<ConnectedStore> {
  const { dbName = testDatabaseName(prefix), ...rest } = options;
  return connectStore({ uri: process.env.MONGODB_URI!, dbName, ...rest });
}
