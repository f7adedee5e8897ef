// Prints the gzipped size of the JavaScript the shell loads first (the entry script and the
// chunks index.html preloads) and of every lazily loaded screen; fails above the budget.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = 150;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]),
);
const kb = (bytes) => bytes / 1024;
const gz = (file) => gzipSync(fs.readFileSync(path.join(dist, file))).length;

const chunks = fs
  .readdirSync(path.join(dist, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `assets/${name}`)
  .map((file) => ({ file, gzip: gz(file), initial: initial.has(file) }))
  .sort((a, b) => b.gzip - a.gzip);

const initialBytes = chunks.filter((c) => c.initial).reduce((sum, c) => sum + c.gzip, 0);
const lazyBytes = chunks.filter((c) => !c.initial).reduce((sum, c) => sum + c.gzip, 0);
for (const chunk of chunks.slice(0, 12))
  console.log(
    `  ${chunk.initial ? 'initial' : 'lazy   '}  ${kb(chunk.gzip).toFixed(1).padStart(6)} KB  ${chunk.file}`,
  );
console.log(
  `admin shell: initial JavaScript ${kb(initialBytes).toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB); ` +
    `${chunks.length - initial.size} lazy chunks, ${kb(lazyBytes).toFixed(1)} KB gzipped in all`,
);
if (kb(initialBytes) > BUDGET_KB) {
  console.error(`admin shell is over its ${BUDGET_KB} KB budget`);
  process.exit(1);
}
