import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ConnectedStore } from '@parley/store';
import { verifyPassword } from '../auth/password.js';
import { connectTestStore } from '../test-support/test-store.js';
import { runAdminCommand, type AdminIo } from './admin-commands.js';

/** Runs a command in-process against the test database, collecting what it prints. */
function useCli() {
  let store: ConnectedStore;
  beforeAll(async () => {
    store = await connectTestStore('cli');
  });
  afterAll(async () => {
    await store.db.dropDatabase();
    await store.close();
  });
  return async (argv: string[], input: { prompt?: string; stdin?: string } = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const asked: string[] = [];
    const io: AdminIo = {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      promptPassword: async (question) => {
        asked.push(question);
        return input.prompt ?? '';
      },
      readStdinLine: async () => input.stdin ?? '',
    };
    const code = await runAdminCommand(argv, {
      io,
      publicUrl: 'http://localhost:9090',
      store: async () => store,
    });
    return { code, out: out.join('\n'), err: err.join('\n'), asked, store };
  };
}

describe('parley admin commands', () => {
  const admin = useCli();

  it('creates a key that verifies, lists it and revokes it', async () => {
    const created = await admin(['create-key', '--name', 'ci', '--role', 'admin']);
    const key = /(pk_[\w-]+)/.exec(created.out)?.[1];
    expect(created.out).toContain('http://localhost:9090/api/v1/admin/bots');
    const record = await created.store.apiKeys.verify(key!);
    expect(record).toMatchObject({ name: 'ci', role: 'admin' });
    expect((await admin(['list-keys'])).out).toContain(record!.id);
    expect((await admin(['revoke-key', '--id', record!.id])).code).toBe(0);
    expect(await created.store.apiKeys.verify(key!)).toBeNull();
  });

  it('asks for a user’s password, or reads it from stdin — never from the arguments', async () => {
    const prompted = await admin(['create-user', '--username', 'ops', '--role', 'viewer'], {
      prompt: 'long enough password',
    });
    expect(prompted.asked).toEqual(['Password for ops: ']);
    const found = await prompted.store.users.findForLogin('ops');
    expect(found?.user.role).toBe('viewer');
    expect(await verifyPassword('long enough password', found!.passwordHash)).toBe(true);

    const piped = await admin(['create-user', '--username', 'bot', '--password-stdin'], {
      stdin: 'another long password',
    });
    expect(piped.code).toBe(0);
    expect(piped.asked).toEqual([]);

    const argument = await admin(['create-user', '--username', 'x', '--password', 'visible in ps']);
    expect(argument.code).toBe(1);
    expect(argument.err).toMatch(/--password is not accepted/);
    expect(await argument.store.users.findForLogin('x')).toBeNull();
  });

  it('explains what is wrong with a bad command', async () => {
    expect((await admin(['create-key'])).err).toContain('--name');
    expect((await admin(['create-key', '--name', 'x', '--role', 'root'])).err).toContain('--role');
    expect((await admin(['frobnicate'])).err).toContain('unknown command');
  });
});

describe('the parley-admin entry point', () => {
  it('prints its usage without touching a database', async () => {
    const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'admin.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, '--help'],
      { env: { ...process.env, NODE_OPTIONS: '', MONGODB_URI: '' } },
    );
    expect(stdout).toContain('create-user --username NAME');
  }, 60_000);
});
