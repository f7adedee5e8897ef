// Fails when TypeScript sources import each other in a cycle (type imports count too: a cycle
// of types still ties two modules into one). Workspace packages (`@parley/x`, `@parley/x/sub`)
// resolve to their sources through each package's `exports`, as the jest config maps them.
// Run by `npm run lint`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOTS = ['packages', 'apps', 'infra'];

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', ...ROOTS], {
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => /\/src\/.*\.tsx?$/.test(f) && existsSync(f));

/** `@parley/nlu/eval` → `packages/nlu/src/eval/index.ts`, from the package's `exports`. */
const workspace = new Map();
for (const manifest of files.map((f) => f.split('/src/')[0] + '/package.json')) {
  if (workspace.has(manifest) || !existsSync(manifest)) continue;
  workspace.set(manifest, true);
  const { name, exports = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const [sub, target] of Object.entries(exports)) {
    const built = typeof target === 'string' ? target : target.default;
    const source = path
      .join(path.dirname(manifest), built.replace(/^\.\/dist\//, 'src/'))
      .replace(/\.js$/, '.ts');
    workspace.set(sub === '.' ? name : `${name}/${sub.slice(2)}`, source);
  }
}

function resolve(from, spec) {
  if (workspace.has(spec) && typeof workspace.get(spec) === 'string') return workspace.get(spec);
  if (!spec.startsWith('.')) return undefined;
  const base = path.join(path.dirname(from), spec).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f));
}

const graph = new Map();
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const specs = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)]
    .concat([...source.matchAll(/import\('([^']+)'\)/g)])
    .map((m) => m[1]);
  graph.set(file, [...new Set(specs.map((s) => resolve(file, s)).filter(Boolean))]);
}

const state = new Map();
const stack = [];
const cycles = [];
function visit(node) {
  state.set(node, 'open');
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
}
for (const node of graph.keys()) if (!state.has(node)) visit(node);

if (cycles.length > 0) {
  console.error(`Import cycles (${cycles.length}):`);
  for (const cycle of cycles) console.error(`  ${cycle.join(' → ')}`);
  process.exit(1);
}
console.log(`No import cycle among ${graph.size} TypeScript files.`);
