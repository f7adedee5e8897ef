// Root test command: every workspace's suite through turbo, then one summary for the whole
// repository: jest's "Tests: … N total" line, then the block Node's test runner closes with
// ("ℹ tests N … ℹ duration_ms N"), the closing form CI understands. Our own earlier
// "Tests: N passed, N failed, N skipped" line was not read as test counts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.jest-results');
fs.rmSync(resultsDir, { recursive: true, force: true });

const started = performance.now();
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
// jest's own closing form first (zero counts left out, as jest does), then node:test's.
const jestParts = [
  [failed, 'failed'],
  [skipped, 'skipped'],
  [passed, 'passed'],
]
  .filter(([count]) => count > 0)
  .map(([count, label]) => `${count} ${label}`);
console.log(`Tests:       ${[...jestParts, `${passed + failed + skipped} total`].join(', ')}`);
console.log(`ℹ tests ${passed + failed + skipped}`);
console.log(`ℹ suites ${files.length}`);
console.log(`ℹ pass ${passed}`);
console.log(`ℹ fail ${failed}`);
console.log('ℹ cancelled 0');
console.log(`ℹ skipped ${skipped}`);
console.log('ℹ todo 0');
console.log(`ℹ duration_ms ${(performance.now() - started).toFixed(3)}`);
process.exit(code);
