import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Store } from '@parley/store';
import { hashPassword } from '../auth/password.js';

export const USAGE = `Parley admin commands

  npm run admin -- create-key --name NAME [--role admin|viewer]   create an admin API key (shown once)
  npm run admin -- list-keys                                      list API keys
  npm run admin -- revoke-key --id KEY_ID                         revoke an API key
  npm run admin -- create-user --username NAME [--role admin|viewer] [--password-stdin]
                                                                  create an admin UI user; asks for the
                                                                  password, or reads it from standard
                                                                  input with --password-stdin (scripts)

Uses MONGODB_URI, or the embedded database under DATA_DIR (default .data/).`;

const ZRole = z.enum(['admin', 'viewer']);

export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks for a password without echoing it (a terminal). */
  promptPassword(question: string): Promise<string>;
  /** The first line of standard input (for --password-stdin). */
  readStdinLine(): Promise<string>;
}

export interface AdminCommandDeps {
  /** Opened only when a command needs the database (not for help or a usage error). */
  store: () => Promise<Pick<Store, 'apiKeys' | 'users'>>;
  io: AdminIo;
  /** The API's public URL, for the example it prints. */
  publicUrl: string;
}

/**
 * Runs one admin command and returns the exit code. The store is opened by the caller, so this
 * runs in-process in tests.
 */
export async function runAdminCommand(argv: string[], deps: AdminCommandDeps): Promise<number> {
  const { io } = deps;
  const fail = (message: string) => {
    io.err(`parley admin: ${message}`);
    return 1;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string', default: 'admin' },
        id: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { positionals, values } = parsed;
  const command = positionals[0];
  if (!command || values.help) {
    io.out(USAGE);
    return values.help ? 0 : 1;
  }
  const role = ZRole.safeParse(values.role);
  if (!role.success) return fail('--role must be admin or viewer');
  if (!['create-key', 'list-keys', 'revoke-key', 'create-user'].includes(command))
    return fail(`unknown command "${command}"\n\n${USAGE}`);
  if (command === 'create-key' && !values.name) return fail('create-key needs --name');
  if (command === 'revoke-key' && !values.id) return fail('revoke-key needs --id');
  if (command === 'create-user' && !values.username) return fail('create-user needs --username');
  // A password in the arguments is visible to every user of the machine (ps, shell history).
  if (values.password !== undefined)
    return fail(
      '--password is not accepted (it shows in ps); answer the prompt or use --password-stdin',
    );
  const store = await deps.store();

  switch (command) {
    case 'create-key': {
      const { key, record } = await store.apiKeys.create({ name: values.name!, role: role.data });
      io.out(
        `Created ${record.role} API key "${record.name}" (${record.id}). It is shown only now:\n\n  ${key}\n`,
      );
      io.out(
        `Use it as: curl -H "Authorization: Bearer ${key}" ${deps.publicUrl}/api/v1/admin/bots`,
      );
      return 0;
    }
    case 'list-keys': {
      for (const key of await store.apiKeys.list()) {
        const state = key.revokedAt ? 'revoked' : 'active';
        io.out(`${key.id}  ${key.prefix}…  ${key.role.padEnd(6)}  ${state.padEnd(7)}  ${key.name}`);
      }
      return 0;
    }
    case 'revoke-key': {
      if (!(await store.apiKeys.revoke(values.id!))) return fail(`no active key ${values.id}`);
      io.out(`Revoked ${values.id}`);
      return 0;
    }
    case 'create-user': {
      const password = values['password-stdin']
        ? await io.readStdinLine()
        : await io.promptPassword(`Password for ${values.username}: `);
      if (password.length < 10) return fail('the password needs at least 10 characters');
      const user = await store.users.create({
        username: values.username!,
        role: role.data,
        passwordHash: await hashPassword(password),
      });
      io.out(`Created ${user.role} user "${user.username}" (${user.id}).`);
      return 0;
    }
  }
  return 1;
}
