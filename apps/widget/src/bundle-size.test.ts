import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 15 * 1024;
const dist = path.resolve(import.meta.dirname, '../dist');

it(`the bundle is at most ${BUDGET_GZIP_BYTES / 1024} KB gzipped, and what /widget.js serves is its hashed copy`, () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  const code = readFileSync(path.join(dist, 'widget.js'));
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(
    `widget.js: ${code.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`,
  );
  assert.ok(gzipped <= BUDGET_GZIP_BYTES, `${gzipped} bytes gzipped is over the budget`);
  assert.deepEqual(readFileSync(path.join(dist, manifest.file)), code);
  // No eval, no Function constructor, no innerHTML: a strict CSP host runs it as is.
  const source = code.toString();
  for (const forbidden of [
    'eval(',
    'new Function',
    'innerHTML',
    'insertAdjacentHTML',
    'document.write',
  ])
    assert.ok(!source.includes(forbidden), forbidden);
});
