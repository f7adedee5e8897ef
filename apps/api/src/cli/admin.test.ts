import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { connectStore } from '@parley/store';
import { verifyPassword } from '../auth/password.js';

const run = promisify(execFile);
const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'admin.ts');

describe('parley admin CLI', () => {
  const dbName = `parley_cli_${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, NODE_OPTIONS: '', MONGODB_DB: dbName };
  const admin = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', CLI, ...args], { env });

  afterAll(async () => {
    const store = await connectStore({ uri: process.env.MONGODB_URI!, dbName });
    await store.db.dropDatabase();
    await store.close();
  });

  it('creates a key that verifies, lists it and revokes it', async () => {
    const { stdout } = await admin('create-key', '--name', 'ci', '--role', 'admin');
    const key = /(pk_[\w-]+)/.exec(stdout)?.[1];
    expect(key).toBeDefined();
    const store = await connectStore({ uri: process.env.MONGODB_URI!, dbName });
    try {
      const record = await store.apiKeys.verify(key!);
      expect(record).toMatchObject({ name: 'ci', role: 'admin' });
      expect((await admin('list-keys')).stdout).toContain(record!.id);
      await admin('revoke-key', '--id', record!.id);
      expect(await store.apiKeys.verify(key!)).toBeNull();
    } finally {
      await store.close();
    }
  }, 30_000);

  it('creates a user with a hashed password', async () => {
    await admin(
      'create-user',
      '--username',
      'ops',
      '--role',
      'viewer',
      '--password',
      'long enough password',
    );
    const store = await connectStore({ uri: process.env.MONGODB_URI!, dbName });
    try {
      const found = await store.users.findForLogin('ops');
      expect(found?.user.role).toBe('viewer');
      expect(await verifyPassword('long enough password', found!.passwordHash)).toBe(true);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('explains what is wrong with a bad command', async () => {
    await expect(admin('create-key')).rejects.toMatchObject({
      stderr: expect.stringContaining('--name'),
    });
    await expect(admin('create-key', '--name', 'x', '--role', 'root')).rejects.toMatchObject({
      stderr: expect.stringContaining('--role'),
    });
  }, 30_000);
});
