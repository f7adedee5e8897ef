// `terraform fmt -check` without terraform: @cdktf/hcl-tools runs HashiCorp's own HCL
// formatter (compiled to WebAssembly), so no binary or provider download is needed.
// Usage: node tools/ci/terraform-fmt.mjs [--write] [dir]   (dir defaults to infra/terraform)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from '@cdktf/hcl-tools';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const write = process.argv.includes('--write');
const dir = path.resolve(
  REPO_ROOT,
  process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'infra/terraform',
);
const HCL_FILE = /\.(tf|tfvars|tfvars\.example)$/;

function hclFiles(root) {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) return hclFiles(full);
    return HCL_FILE.test(entry.name) ? [full] : [];
  });
}

const files = hclFiles(dir);
const unformatted = [];
for (const file of files) {
  const source = fs.readFileSync(file, 'utf8');
  const formatted = await format(source);
  if (formatted === source) continue;
  unformatted.push(path.relative(REPO_ROOT, file));
  if (write) fs.writeFileSync(file, formatted);
}

if (files.length === 0) {
  console.error(`terraform fmt: no .tf files under ${path.relative(REPO_ROOT, dir)}`);
  process.exit(1);
}
if (unformatted.length > 0 && !write) {
  console.error(`terraform fmt: ${unformatted.length} file(s) would change:`);
  for (const file of unformatted) console.error(`  ${file}`);
  console.error('Fix with: node tools/ci/terraform-fmt.mjs --write');
  process.exit(1);
}
console.log(
  `terraform fmt: ${files.length} files checked` +
    (write ? `, ${unformatted.length} rewritten` : ', all formatted'),
);
