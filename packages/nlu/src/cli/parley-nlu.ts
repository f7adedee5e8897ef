#!/usr/bin/env node
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`parley-nlu: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
