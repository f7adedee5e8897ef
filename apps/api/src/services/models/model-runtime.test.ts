import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { ConnectedStore } from '@parley/store';
import { connectTestStore } from '../../test-support/test-store.js';
import { createLocalNluEngine } from '../local-nlu-engine.js';
import { createModelRuntime } from './model-runtime.js';

const BOT = {
  intents: [
    {
      intentId: 'weather',
      name: 'Weather',
      trainingData: [
        {
          text: 'weather in Paris',
          entities: [{ name: 'city', value: 'Paris', begin: 11, end: 16 }],
        },
        {
          text: 'is it raining in Oslo',
          entities: [{ name: 'city', value: 'Oslo', begin: 17, end: 21 }],
        },
        {
          text: 'forecast for Rome',
          entities: [{ name: 'city', value: 'Rome', begin: 13, end: 17 }],
        },
      ],
    },
    {
      intentId: 'greet',
      name: 'Greet',
      trainingData: ['hello', 'hi there', 'good morning'].map((text) => ({ text, entities: [] })),
    },
  ],
  entities: [],
};

describe('model runtime', () => {
  let store: ConnectedStore;
  let modelsDir: string;

  beforeAll(async () => {
    store = await connectTestStore('runtime');
    modelsDir = await mkdtemp(path.join(tmpdir(), 'parley-runtime-'));
  });
  afterAll(async () => {
    await store.db.dropDatabase();
    await store.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('loads the active model and warns when it was trained with other knowledge data', async () => {
    const engine = createLocalNluEngine();
    const trained = await engine.train(BOT, () => {});
    await trained.save(path.join(modelsDir, 'm1'));
    // As if the model came from a release with an older city list.
    const manifestPath = path.join(modelsDir, 'm1', 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.libraryVersions['cities-list'] = '0.0.1';
    await writeFile(manifestPath, JSON.stringify(manifest));

    await store.bots.create({ name: 'runtime' }, 'runtime');
    const model = await store.models.create('runtime', { dataHash: 'h', config: {} });
    await store.models.update('runtime', model.id, { status: 'ready', artifactPath: 'm1' });
    await store.bots.setActiveModel('runtime', model.id);

    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const runtime = createModelRuntime({ store, engine, modelsDir, logger });
    const parser = await runtime.get('runtime');
    expect((await parser!.parse('weather in Paris')).intent.name).toBe('weather');
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.level === 40);
    expect(warning).toMatchObject({
      botId: 'runtime',
      modelId: model.id,
      msg: 'model should be trained again',
      warnings: [expect.stringMatching(/cities-list 0\.0\.1, running with .*train the bot again/)],
    });
  });
});
