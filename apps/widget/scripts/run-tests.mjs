// The widget's test command: node's test runner over every src/**/*.test.ts (unit tests and
// the browser tests), printed with the spec reporter and summed into .jest-results/ for the
// root `npm test` (tools/run-tests.mjs), like the jest packages.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const repo = path.resolve(root, '../..');

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(root, full)] : [];
  });
}

mkdirSync(path.join(repo, '.jest-results'), { recursive: true });
const files = process.argv.length > 2 ? process.argv.slice(2) : testFiles(path.join(root, 'src'));
const run = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(import.meta.dirname, 'summary-reporter.mjs')}`,
    `--test-reporter-destination=${path.join(repo, '.jest-results', 'apps__widget.json')}`,
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
