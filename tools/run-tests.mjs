// Root test command: every workspace's jest suite through turbo, then one closing line
// "Tests: N passed, N failed, N skipped" for the whole repository. CI reads that plain form
// only when nothing follows the skipped count, so no total is appended.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.jest-results');
fs.rmSync(resultsDir, { recursive: true, force: true });

const turbo = spawnSync(
  'npx',
  ['turbo', 'run', 'test', '--concurrency=2', '--continue', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const files = fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : [];
for (const file of files) {
  const summary = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  console.log(`  ${summary.package}: ${summary.passed} passed, ${summary.failed} failed`);
  passed += summary.passed;
  failed += summary.failed;
  skipped += summary.skipped;
}
const code = turbo.status ?? 1;
if (code !== 0 && failed === 0) failed = 1; // a suite that crashed before reporting still fails the run
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code);
