// Fuzzes the API with schemathesis from its own /api/v1/openapi.json: starts the real API with a
// throw-away embedded database, creates an admin key, runs `st run` with it, stops the API.
// Fails on any 5xx, on a schema-valid request refused or a schema-invalid one accepted, on a
// status the document does not list, and on a response that does not match its schema.
//
//   npm run fuzz:api                       # 100 examples per operation
//   FUZZ_MAX_EXAMPLES=10 node tools/fuzz/fuzz-api.mjs   # what CI runs
//   SCHEMATHESIS=/path/to/st                # the st command (default: st on PATH)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const st = process.env.SCHEMATHESIS ?? 'st';
const maxExamples = process.env.FUZZ_MAX_EXAMPLES ?? '100';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-fuzz-'));

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const api = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/index.ts')], {
  cwd: root,
  env: {
    ...process.env,
    NODE_OPTIONS: '',
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_URI: '',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    CHECK_RESPONSES: 'true',
    CHAT_RATE_LIMIT_PER_CLIENT: '1000000',
    CHAT_RATE_LIMIT_PER_THREAD: '1000000',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
let code = 1;
try {
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {
      // not yet
    }
    if (i > 600 || api.exitCode !== null) throw new Error('the API did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const key = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'tools/fuzz/create-key.ts'),
      readFileSync(path.join(dataDir, 'devdb.uri'), 'utf8').trim(),
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  ).stdout.trim();
  if (!key.startsWith('pk_')) throw new Error('could not create an admin key');
  const run = spawnSync(
    st,
    [
      '--config-file',
      path.join(root, 'tools/fuzz/schemathesis.toml'),
      'run',
      `${base}/api/v1/openapi.json`,
      '--url',
      base,
      '--header',
      `Authorization: Bearer ${key}`,
      '--max-examples',
      maxExamples,
      '--checks',
      'all',
      '--workers',
      '1',
      '--seed',
      process.env.FUZZ_SEED ?? '1',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  code = run.status ?? 1;
} catch (error) {
  console.error(`fuzz:api: ${error.message}`);
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
