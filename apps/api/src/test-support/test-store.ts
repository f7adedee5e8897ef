import { randomBytes } from 'node:crypto';
import { connectStore, type ConnectedStore } from '@parley/store';

/**
 * A fresh, uniquely named database on the test server (jest's global setup provides
 * MONGODB_URI); the caller drops it when done.
 */
export function connectTestStore(
  prefix: string,
  options: { monitorCommands?: boolean } = {},
): Promise<ConnectedStore> {
  return connectStore({
    uri: process.env.MONGODB_URI!,
    dbName: `parley_${prefix}_${randomBytes(6).toString('hex')}`,
    ...options,
  });
}
