// Reads a Terraform directory the way terraform does (every .tf file of one folder is one
// module) through @cdktf/hcl2json, HashiCorp's HCL parser compiled to WebAssembly: no
// terraform binary and no provider download. Literals come back as JSON values; any other
// expression as its source text wrapped in "${…}".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@cdktf/hcl2json';

export const INFRA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(INFRA_DIR, '../..');

export type Body = Record<string, unknown>;

export interface Block {
  /** e.g. `aws_lb` for a resource, the variable's name for a variable. */
  type: string;
  name: string;
  file: string;
  body: Body;
}

export interface TerraformModule {
  dir: string;
  resources: Block[];
  data: Block[];
  variables: Map<string, Block>;
  outputs: Map<string, Block>;
  modules: Map<string, Block>;
  providers: Block[];
  terraform: Body[];
  locals: Body;
}

type Parsed = Record<string, unknown>;

/** Parses every `.tf` file of `dir` (relative to infra/terraform). */
export async function loadModule(dir: string): Promise<TerraformModule> {
  const full = path.join(INFRA_DIR, dir);
  const files = fs.readdirSync(full).filter((file) => file.endsWith('.tf'));
  const module: TerraformModule = {
    dir,
    resources: [],
    data: [],
    variables: new Map(),
    outputs: new Map(),
    modules: new Map(),
    providers: [],
    terraform: [],
    locals: {},
  };
  for (const file of files) {
    const parsed = (await parse(file, fs.readFileSync(path.join(full, file), 'utf8'))) as Parsed;
    module.resources.push(...typedBlocks(parsed.resource, file));
    module.data.push(...typedBlocks(parsed.data, file));
    for (const block of namedBlocks(parsed.variable, 'variable', file))
      module.variables.set(block.name, block);
    for (const block of namedBlocks(parsed.output, 'output', file))
      module.outputs.set(block.name, block);
    for (const block of namedBlocks(parsed.module, 'module', file))
      module.modules.set(block.name, block);
    module.providers.push(...namedBlocks(parsed.provider, 'provider', file));
    module.terraform.push(...((parsed.terraform as Body[] | undefined) ?? []));
    for (const locals of (parsed.locals as Body[] | undefined) ?? [])
      Object.assign(module.locals, locals);
  }
  return module;
}

function typedBlocks(section: unknown, file: string): Block[] {
  const byType = (section ?? {}) as Record<string, Record<string, Body[]>>;
  return Object.entries(byType).flatMap(([type, byName]) =>
    Object.entries(byName).flatMap(([name, bodies]) =>
      bodies.map((body) => ({ type, name, file, body })),
    ),
  );
}

function namedBlocks(section: unknown, type: string, file: string): Block[] {
  const byName = (section ?? {}) as Record<string, Body[]>;
  return Object.entries(byName).flatMap(([name, bodies]) =>
    bodies.map((body) => ({ type, name, file, body })),
  );
}

/** The module folders and environment folders, as paths relative to infra/terraform. */
export const MODULE_DIRS = fs
  .readdirSync(path.join(INFRA_DIR, 'modules'))
  .map((name) => `modules/${name}`);
export const ENVIRONMENT_DIRS = fs
  .readdirSync(path.join(INFRA_DIR, 'environments'))
  .map((name) => `environments/${name}`);

/** A nested block as hcl2json gives it: a list of bodies (one per occurrence). */
export function blocks(body: Body | undefined, key: string): Body[] {
  const value = body?.[key];
  return Array.isArray(value) ? (value as Body[]) : [];
}

/** The only occurrence of a nested block; throws when there is none or several. */
export function block(body: Body | undefined, key: string): Body {
  const found = blocks(body, key);
  if (found.length !== 1) throw new Error(`expected one ${key} block, found ${found.length}`);
  return found[0]!;
}

export function resource(module: TerraformModule, type: string, name: string): Block {
  const found = module.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`${module.dir}: no resource ${type}.${name}`);
  return found;
}

export function resourcesOfType(module: TerraformModule, type: string): Block[] {
  return module.resources.filter((r) => r.type === type);
}

/** A variable's default; throws when the variable does not exist. */
export function variableDefault(module: TerraformModule, name: string): unknown {
  const variable = module.variables.get(name);
  if (!variable) throw new Error(`${module.dir}: no variable ${name}`);
  return variable.body.default;
}

export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, relative), 'utf8');
}
