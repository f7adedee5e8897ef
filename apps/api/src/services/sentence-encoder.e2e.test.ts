import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSentenceEncoder, type DenseEncoder, type TrainingData } from '@parley/nlu';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { createDeps } from '../deps.js';
import { createLocalNluEngine } from './local-nlu-engine.js';

const ENCODER_DIR = process.env.NLU_ENCODER_DIR;

const examples = (...texts: string[]) => texts.map((text) => ({ text, entities: [] }));

const bot = (): TrainingData => ({
  intents: [
    {
      intentId: 'book_flight',
      name: 'Book a flight',
      trainingData: examples(
        'book a flight',
        'I need a plane ticket',
        'fly me to Paris',
        'reserve a flight',
      ),
    },
    {
      intentId: 'weather',
      name: 'Weather',
      trainingData: examples(
        'what is the weather',
        'will it rain today',
        'is it sunny',
        'forecast please',
      ),
    },
    {
      intentId: 'greet',
      name: 'Greet',
      trainingData: examples('hello', 'hi there', 'good morning', 'hey'),
    },
  ],
  entities: [],
  language: 'en',
});

describe('NLU_ENCODER_DIR', () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'parley-no-encoder-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('refuses to start with a folder that holds no encoder, naming the variable, before any database starts', async () => {
    const config = loadConfig({
      NLU_ENCODER_DIR: empty,
      DATA_DIR: empty,
      LOG_LEVEL: 'silent',
    });
    const started = createDeps(config, pino({ level: 'silent' }));
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/^NLU_ENCODER_DIR: .*encoder:install/);
    expect(existsSync(path.join(empty, 'devdb'))).toBe(false);
  });
});

if (!ENCODER_DIR)
  console.warn('NLU_ENCODER_DIR is not set: the API tests with the sentence encoder are skipped.');
(ENCODER_DIR ? describe : describe.skip)('a bot trained with the sentence encoder', () => {
  let encoder: DenseEncoder;
  const modelDir = mkdtempSync(path.join(os.tmpdir(), 'parley-encoder-model-'));
  beforeAll(async () => {
    encoder = await loadSentenceEncoder(ENCODER_DIR as string);
  });
  afterAll(() => rmSync(modelDir, { recursive: true, force: true }));

  it('records the encoder, answers with it, and is out of date for the word vectors', async () => {
    const withEncoder = createLocalNluEngine({ encoder });
    const plain = createLocalNluEngine();
    const model = await withEncoder.train(bot(), () => undefined);
    await model.save(modelDir);
    const manifest = JSON.parse(readFileSync(path.join(modelDir, 'manifest.json'), 'utf8')) as {
      encoder: { id: string } | null;
      dataHash: string;
      libraryVersions: Record<string, string>;
    };
    expect(manifest.encoder?.id).toBe(encoder.id);
    // The encoder's forward pass runs on TF.js, whose version the manifest records.
    expect(manifest.libraryVersions['@tensorflow/tfjs']).toMatch(/^\d+\.\d+\.\d+/);
    // A sentence encoder's vector is also a feature of the linear intent expert.
    const intentPart = JSON.parse(readFileSync(path.join(modelDir, 'intent-model.json'), 'utf8'));
    expect(intentPart.shape.linearReadsDense).toBe(true);
    expect(encoder.id).toMatch(/^all-MiniLM-L6-v2@/);
    expect(manifest.dataHash).toBe(withEncoder.hash(bot()));
    // Switching NLU_ENCODER_DIR off means training again.
    expect(plain.hash(bot())).not.toBe(withEncoder.hash(bot()));

    const loaded = await withEncoder.load(modelDir);
    expect((await loaded.parse('reserve a flight', {})).intent.name).toBe('book_flight');
    await expect(plain.load(modelDir)).rejects.toMatchObject({ code: 'MODEL_ENCODER_UNAVAILABLE' });
  });
});
