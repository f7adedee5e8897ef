// The admin's `npm test`: unit tests (vitest, happy-dom), a fresh build, then the browser
// suite (node's test runner driving Debian's Chromium against the real API). Writes the
// summary tools/run-tests.mjs adds up, and ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const adminDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(adminDir, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-admin-tests-'));
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: adminDir, stdio: 'inherit', env: { ...process.env, ...env } });

const counts = { passed: 0, failed: 0, skipped: 0 };

const vitestJson = path.join(scratch, 'vitest.json');
const unit = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
} else if (unit.status !== 0) counts.failed += 1;

const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (build.status !== 0) counts.failed += 1;
else {
  const tap = path.join(scratch, 'browser.tap');
  const browser = run('node', [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    'test/browser/admin.browser.test.ts',
  ]);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  const number = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  counts.passed += number('pass');
  counts.failed += number('fail') + number('cancelled');
  counts.skipped += number('skipped') + number('todo');
  if (browser.status !== 0 && number('fail') + number('cancelled') === 0) counts.failed += 1;
}

const results = path.join(repoRoot, '.jest-results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(
  path.join(results, 'apps__admin.json'),
  JSON.stringify({ package: 'apps/admin', ...counts }),
);
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`admin: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);
