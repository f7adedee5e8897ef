import type { ConnectedStore } from '@parley/store';
import { pino } from 'pino';
import { connectTestStore } from '../test-support/test-store.js';
import { createBotRuntimePort } from './bot-runtime.js';
import { createLocalNluEngine } from './local-nlu-engine.js';
import { createModelRuntime } from './models/model-runtime.js';

describe('createBotRuntimePort', () => {
  let store: ConnectedStore;
  let built = 0;

  beforeAll(async () => {
    store = await connectTestStore('bot_runtime');
  });
  afterAll(async () => {
    await store.db.dropDatabase();
    await store.close();
  });

  async function runtimeFor(botId: string) {
    const engine = createLocalNluEngine();
    const logger = pino({ level: 'silent' });
    const port = createBotRuntimePort({
      store,
      models: createModelRuntime({ store, engine, modelsDir: '/nonexistent', logger }),
      engine: {
        extractorsOnly: (entities) => {
          built += 1;
          return engine.extractorsOnly(entities);
        },
      },
    });
    await store.bots.create(
      {
        name: 'Runtime bot',
        nlu: { pipeline: 'llm', llm: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' } },
      },
      botId,
    );
    return port;
  }

  it('keeps the extractors and the LLM parser when another model is activated', async () => {
    const port = await runtimeFor('activation');
    const first = await port.get('activation');
    const builtBefore = built;
    await store.bots.setActiveModel('activation', 'model_2');
    const second = await port.get('activation');
    expect(built).toBe(builtBefore);
    expect(second?.nlu).toBe(first?.nlu);
  });

  it('builds them again when the settings, a secret or the definition change', async () => {
    const port = await runtimeFor('changes');
    const first = await port.get('changes');
    await store.bots.updateSettings('changes', {
      ...first!.settings,
      nlu: { ...first!.settings.nlu, threshold: 0.4 },
    });
    const afterSettings = await port.get('changes');
    expect(afterSettings?.settings.nlu.threshold).toBe(0.4);
    expect(afterSettings?.nlu).not.toBe(first?.nlu);

    await store.bots.setSecret('changes', 'TOKEN', 'abc');
    const afterSecret = await port.get('changes');
    expect(afterSecret?.secrets).toEqual({ TOKEN: 'abc' });
    expect(afterSecret?.nlu).not.toBe(afterSettings?.nlu);

    const builtBefore = built;
    await store.entities.create('changes', { name: 'city', values: [{ value: 'Paris' }] });
    const afterEntity = await port.get('changes');
    expect(built).toBe(builtBefore + 1);
    expect(afterEntity?.entities.map((e) => e.name)).toEqual(['city']);
  });
});
