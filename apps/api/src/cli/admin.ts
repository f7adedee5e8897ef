#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../auth/password.js';
import { loadConfig } from '../config.js';
import { connectForCli } from './connect-for-cli.js';

const USAGE = `Parley admin commands

  npm run admin -- create-key --name NAME [--role admin|viewer]   create an admin API key (shown once)
  npm run admin -- list-keys                                      list API keys
  npm run admin -- revoke-key --id KEY_ID                         revoke an API key
  npm run admin -- create-user --username NAME [--role admin|viewer] [--password P]
                                                                  create an admin UI user (asks for the
                                                                  password when --password is not given)

Uses MONGODB_URI, or the embedded database under DATA_DIR (default .data/).`;

const ZRole = z.enum(['admin', 'viewer']);

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      id: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const role = ZRole.safeParse(values.role);
  if (!role.success) return fail('--role must be admin or viewer');

  const store = await connectForCli(loadConfig());
  try {
    switch (command) {
      case 'create-key': {
        if (!values.name) return fail('create-key needs --name');
        const { key, record } = await store.apiKeys.create({ name: values.name, role: role.data });
        console.log(
          `Created ${record.role} API key "${record.name}" (${record.id}). It is shown only now:\n\n  ${key}\n`,
        );
        console.log(
          `Use it as: curl -H "Authorization: Bearer ${key}" http://localhost:8080/api/v1/admin/bots`,
        );
        return 0;
      }
      case 'list-keys': {
        for (const key of await store.apiKeys.list()) {
          const state = key.revokedAt ? 'revoked' : 'active';
          console.log(
            `${key.id}  ${key.prefix}…  ${key.role.padEnd(6)}  ${state.padEnd(7)}  ${key.name}`,
          );
        }
        return 0;
      }
      case 'revoke-key': {
        if (!values.id) return fail('revoke-key needs --id');
        if (!(await store.apiKeys.revoke(values.id))) return fail(`no active key ${values.id}`);
        console.log(`Revoked ${values.id}`);
        return 0;
      }
      case 'create-user': {
        if (!values.username) return fail('create-user needs --username');
        const password = values.password ?? (await ask(`Password for ${values.username}: `));
        if (password.length < 10) return fail('the password needs at least 10 characters');
        const user = await store.users.create({
          username: values.username,
          role: role.data,
          passwordHash: await hashPassword(password),
        });
        console.log(`Created ${user.role} user "${user.username}" (${user.id}).`);
        return 0;
      }
      default:
        return fail(`unknown command "${command}"\n\n${USAGE}`);
    }
  } finally {
    await store.close();
  }
}

function fail(message: string): number {
  console.error(`parley admin: ${message}`);
  return 1;
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('parley admin:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
