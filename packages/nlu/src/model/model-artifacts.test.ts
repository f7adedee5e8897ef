import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ModelCorruptError } from '../errors.js';
import { smallBot } from '../test-support/small-bot.js';
import type { LocalNluModel } from './local-nlu-model.js';
import { loadModel, saveModel } from './model-artifacts.js';
import { trainModel } from './train-model.js';

let model: LocalNluModel;
let root: string;
let count = 0;

beforeAll(async () => {
  model = await trainModel(smallBot(), { seed: 7 });
  root = await mkdtemp(path.join(tmpdir(), 'parley-artifacts-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A freshly saved model directory of its own. */
async function savedDir(): Promise<string> {
  const dir = path.join(root, `m${++count}`);
  await saveModel(model, dir);
  return dir;
}

async function readJson(dir: string, name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Record<string, unknown>;
}

/** Rewrites a model file and its manifest entry, so that only its content is wrong. */
async function rewrite(dir: string, name: string, bytes: Buffer): Promise<void> {
  await writeFile(path.join(dir, name), bytes);
  const manifest = await readJson(dir, 'manifest.json');
  const files = manifest.files as Record<string, { bytes: number; sha256: string }>;
  files[name] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

async function cutShort(file: string): Promise<void> {
  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

describe('saveModel / loadModel', () => {
  it('reports the bytes of every file it wrote, the manifest included', async () => {
    const dir = path.join(root, 'sized');
    const saved = await saveModel(model, dir);
    const names = await readdir(dir);
    expect(names.sort()).toEqual([
      'entity-model.json',
      'intent-model.json',
      'manifest.json',
      'weights.bin',
    ]);
    let total = 0;
    for (const name of names) total += (await stat(path.join(dir, name))).size;
    expect(saved.sizeBytes).toBe(total);
    expect(saved.manifest).toEqual(await readJson(dir, 'manifest.json'));
  });

  it('refuses a manifest cut short as a corrupt model, not a syntax error', async () => {
    const dir = await savedDir();
    await cutShort(path.join(dir, 'manifest.json'));
    await expect(loadModel(dir)).rejects.toThrow(ModelCorruptError);
    await expect(loadModel(dir)).rejects.toThrow(/manifest.*not valid JSON/);
  });

  it('refuses a manifest that misses a field, naming it', async () => {
    const dir = await savedDir();
    const { dataHash: _dataHash, ...manifest } = await readJson(dir, 'manifest.json');
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadModel(dir)).rejects.toThrow(ModelCorruptError);
    await expect(loadModel(dir)).rejects.toThrow(/manifest.*malformed at dataHash/);
  });

  it.each(['weights.bin', 'intent-model.json', 'entity-model.json'])(
    'refuses %s when it does not match its checksum',
    async (name) => {
      const dir = await savedDir();
      const bytes = await readFile(path.join(dir, name));
      bytes[bytes.length - 2] = (bytes[bytes.length - 2] ?? 0) ^ 0xff;
      await writeFile(path.join(dir, name), bytes);
      await expect(loadModel(dir)).rejects.toThrow(ModelCorruptError);
      await expect(loadModel(dir)).rejects.toThrow(`${name} in ${dir} does not match its checksum`);
    },
  );

  it('refuses a missing file', async () => {
    const dir = await savedDir();
    await rm(path.join(dir, 'entity-model.json'));
    await expect(loadModel(dir)).rejects.toThrow(/entity-model.json is missing/);
  });

  it('refuses a component file cut short even when its checksum was rewritten', async () => {
    const dir = await savedDir();
    const bytes = await readFile(path.join(dir, 'entity-model.json'));
    await rewrite(dir, 'entity-model.json', bytes.subarray(0, bytes.length - 10));
    await expect(loadModel(dir)).rejects.toThrow(ModelCorruptError);
    await expect(loadModel(dir)).rejects.toThrow(/entity-model.json.*not valid JSON/);
  });

  it('refuses weights cut short', async () => {
    const dir = await savedDir();
    const bytes = await readFile(path.join(dir, 'weights.bin'));
    await rewrite(dir, 'weights.bin', bytes.subarray(0, bytes.length - 8));
    await expect(loadModel(dir)).rejects.toThrow(ModelCorruptError);
    await expect(loadModel(dir)).rejects.toThrow(/truncated/);
  });

  it('refuses an intent classifier without its labels', async () => {
    const dir = await savedDir();
    const { labels: _labels, ...intent } = await readJson(dir, 'intent-model.json');
    await rewrite(dir, 'intent-model.json', Buffer.from(JSON.stringify(intent)));
    await expect(loadModel(dir)).rejects.toThrow(ModelCorruptError);
    await expect(loadModel(dir)).rejects.toThrow(/intent classifier is malformed at labels/);
  });

  it('refuses weights of another shape than the classifier says', async () => {
    const dir = await savedDir();
    const intent = await readJson(dir, 'intent-model.json');
    const shape = intent.shape as { classes: number };
    await rewrite(
      dir,
      'intent-model.json',
      Buffer.from(JSON.stringify({ ...intent, shape: { ...shape, classes: shape.classes + 1 } })),
    );
    await expect(loadModel(dir)).rejects.toThrow(/intent classifier's weights do not match/);
  });

  it('refuses a labeller whose weights are missing from the weights file', async () => {
    const dir = await savedDir();
    const manifest = await readJson(dir, 'manifest.json');
    const index = manifest.weightsIndex as Record<string, unknown>;
    delete index['labeller.transitions'];
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadModel(dir)).rejects.toThrow(/no float32 array "labeller.transitions"/);
  });

  it('refuses a model that says it has a linear expert when the weights file holds none', async () => {
    const dir = await savedDir();
    const manifest = await readJson(dir, 'manifest.json');
    const index = manifest.weightsIndex as Record<string, unknown>;
    delete index['intent.linear.weights'];
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadModel(dir)).rejects.toThrow(/no float32 array "intent.linear.weights"/);
  });

  it('saves and loads a model trained without the linear expert, which answers as it did', async () => {
    const without = await trainModel(smallBot(), { seed: 7, intent: { linearEpochs: 0 } });
    expect(without.intentModel.artifact.linear).toBeNull();
    const dir = path.join(root, 'no-linear');
    await saveModel(without, dir);
    const manifest = await readJson(dir, 'manifest.json');
    expect(Object.keys(manifest.weightsIndex as object)).not.toContain('intent.linear.weights');
    const loaded = await loadModel(dir);
    for (const text of ['hi there', 'is it cold in Oslo', 'order a pizza'])
      expect(loaded.parseSync(text)).toEqual(without.parseSync(text));
  });
});
