import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { launchDevDatabase } from './launch-dev-database.js';

describe('launchDevDatabase', () => {
  it('keeps data across a restart on the same data directory', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-devdb-'));
    try {
      const first = await launchDevDatabase({ dataDir });
      const client = await MongoClient.connect(first.uri);
      await client.db('persist').collection('things').insertOne({ name: 'kept' });
      await client.close();
      await first.stop();

      const second = await launchDevDatabase({ dataDir });
      const again = await MongoClient.connect(second.uri);
      const found = await again.db('persist').collection('things').findOne({ name: 'kept' });
      await again.close();
      await second.stop();
      expect(found?.name).toBe('kept');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains how to build it when the binary is missing', async () => {
    await expect(
      launchDevDatabase({ dataDir: os.tmpdir(), binary: '/nonexistent/parley-devdb' }),
    ).rejects.toThrow(/devdb:build.*MONGODB_URI/);
  });
});

describe('test database', () => {
  it('is provided to tests through MONGODB_URI', async () => {
    expect(process.env.MONGODB_URI).toMatch(/^mongodb(\+srv)?:\/\//);
    const client = await MongoClient.connect(process.env.MONGODB_URI!);
    const pong = await client.db('admin').command({ ping: 1 });
    await client.close();
    expect(pong.ok).toBe(1);
  });
});
