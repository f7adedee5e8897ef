// Bundles the widget into one minified script, writes it under a short name (revalidated by
// browsers) and a content-hashed name (cached for a year), and fails above the size budget.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGET_GZIP_BYTES = 15 * 1024;
const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

export async function buildWidget() {
  const result = await build({
    entryPoints: [path.join(root, 'src/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
  const file = `widget.${hash}.js`;
  mkdirSync(dist, { recursive: true });
  for (const old of readdirSync(dist))
    if (/^widget\.[0-9a-f]+\.js$/.test(old)) rmSync(path.join(dist, old));
  writeFileSync(path.join(dist, 'widget.js'), code);
  writeFileSync(path.join(dist, file), code);
  const manifest = {
    file,
    hash,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
  };
  writeFileSync(path.join(dist, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = await buildWidget();
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `widget: dist/${manifest.file} ${kb(manifest.bytes)}, ${kb(manifest.gzipBytes)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`,
  );
  if (manifest.gzipBytes > BUDGET_GZIP_BYTES) {
    console.error('widget: over the size budget');
    process.exit(1);
  }
}
