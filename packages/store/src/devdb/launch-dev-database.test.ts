import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

  it('starts a server that died again, on the same address, with its data', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-devdb-'));
    const restarts: unknown[] = [];
    const db = await launchDevDatabase({ dataDir, onRestart: (event) => restarts.push(event) });
    const client = await MongoClient.connect(db.uri, { serverSelectionTimeoutMS: 10_000 });
    try {
      await client.db('d').collection('c').insertOne({ name: 'survives' });
      const before = db.pid();
      process.kill(before!, 'SIGKILL');
      // The driver reconnects to the same address once the server is back.
      const found = await client.db('d').collection('c').findOne({ name: 'survives' });
      expect(found?.name).toBe('survives');
      expect(db.pid()).not.toBe(before);
      expect(restarts).toEqual([{ code: null, signal: 'SIGKILL' }]);
    } finally {
      await client.close();
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses a data folder another server uses, saying so', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-devdb-'));
    const db = await launchDevDatabase({ dataDir });
    try {
      await expect(launchDevDatabase({ dataDir })).rejects.toThrow(
        /data folder .* is in use by another parley-devdb \(pid \d+\)/,
      );
    } finally {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops when the process that launched it dies, even by SIGKILL', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-devdb-'));
    const launcher = path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      'launch-dev-database.ts',
    );
    const parent = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { launchDevDatabase } = await import(${JSON.stringify(launcher)});
         const db = await launchDevDatabase({ dataDir: ${JSON.stringify(dataDir)} });
         console.log(db.pid()); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } },
    );
    try {
      const pid = Number(
        await new Promise<string>((resolve) =>
          parent.stdout!.once('data', (d: Buffer) => resolve(d.toString())),
        ),
      );
      expect(alive(pid)).toBe(true);
      parent.kill('SIGKILL');
      const deadline = Date.now() + 10_000;
      while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive(pid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
