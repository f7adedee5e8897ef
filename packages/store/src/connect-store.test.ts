import { connectStore } from './connect-store.js';
import { testDatabaseName } from './test-support/test-database.js';

describe('connectStore', () => {
  it('creates the indexes idempotently, so every restart connects', async () => {
    const dbName = testDatabaseName('restart');
    const first = await connectStore({ uri: process.env.MONGODB_URI!, dbName });
    await first.close();
    const second = await connectStore({ uri: process.env.MONGODB_URI!, dbName });
    const indexes = await second.db.collection('turns').indexes();
    expect(indexes.map((index) => index.name).sort()).toEqual([
      '_id_',
      'botId_at',
      'botId_threadId_at',
      'botId_threadId_seq',
    ]);
    expect(await second.ping()).toBe(true);
    await second.db.dropDatabase();
    await second.close();
  });
});
