#!/usr/bin/env node
import { createInterface } from 'node:readline';
import type { ConnectedStore } from '@parley/store';
import { loadConfig } from '../config.js';
import { runAdminCommand, type AdminIo } from './admin-commands.js';
import { connectForCli } from './connect-for-cli.js';

const io: AdminIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  promptPassword: (question) => {
    if (!process.stdin.isTTY)
      return Promise.reject(new Error('no terminal to ask for the password: use --password-stdin'));
    return new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing of what is typed after the question.
      const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
        if (text.startsWith(question)) write.call(rl, question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  },
  readStdinLine: async () => {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  },
};

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  let opened: ConnectedStore | undefined;
  try {
    return await runAdminCommand(argv, {
      io,
      publicUrl: config.publicUrl,
      store: async () => (opened = await connectForCli(config)),
    });
  } finally {
    await opened?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('parley admin:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
