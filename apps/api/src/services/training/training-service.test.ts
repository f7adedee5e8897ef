import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { BUILT_IN_INTENTS, type ConnectedStore } from '@parley/store';
import { connectTestStore } from '../../test-support/test-store.js';
import { createLocalNluEngine } from '../local-nlu-engine.js';
import { createTrainingService, type TrainingService } from './training-service.js';

describe('training service: jobs of a stopped instance', () => {
  let store: ConnectedStore;
  let service: TrainingService | undefined;

  beforeAll(async () => {
    store = await connectTestStore('training');
  });
  afterAll(async () => {
    await service?.shutdown();
    await store.db.dropDatabase();
    await store.close();
  });

  it('fails them with a reason once the instance is silent, and keeps its own jobs alive', async () => {
    const orphan = await store.models.create('bot', {
      dataHash: 'a',
      config: {},
      instanceId: 'gone',
    });
    const own = await store.models.create('bot', { dataHash: 'b', config: {}, instanceId: 'me' });
    await store.models.update('bot', orphan.id, { status: 'training' });

    service = createTrainingService({
      store,
      engine: createLocalNluEngine(),
      modelsDir: tmpdir(),
      instanceId: 'me',
      logger: pino({ level: 'silent' }),
      heartbeatMs: 50,
      abandonAfterMs: 400,
    });

    const deadline = Date.now() + 10_000;
    while ((await store.models.get('bot', orphan.id))?.status !== 'failed') {
      if (Date.now() > deadline) throw new Error('the orphaned job was never failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await store.models.get('bot', orphan.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/instance .* stopped or crashed/),
    });
    // Long past the abandon delay, this instance's own queued job is still alive.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await store.models.get('bot', own.id))?.status).toBe('queued');
  });
});

describe('training service: shutdown', () => {
  let store: ConnectedStore;

  beforeAll(async () => {
    store = await connectTestStore('training');
    for (const botId of ['first', 'second']) {
      await store.bots.create({ name: botId }, botId);
      for (const intent of BUILT_IN_INTENTS) await store.intents.create(botId, intent);
    }
  });
  afterAll(async () => {
    await store.db.dropDatabase();
    await store.close();
  });

  it('fails the jobs still waiting with a reason, and lets the running one finish', async () => {
    const service = createTrainingService({
      store,
      engine: createLocalNluEngine(),
      modelsDir: await mkdtemp(path.join(tmpdir(), 'parley-models-')),
      instanceId: 'me',
      logger: pino({ level: 'silent' }),
    });
    const running = await service.start('first');
    const waiting = await service.start('second');
    if (running.status !== 'queued' || waiting.status !== 'queued') throw new Error('not queued');

    await service.shutdown();

    expect((await store.models.get('first', running.model.id))?.status).toBe('ready');
    expect(await store.models.get('second', waiting.model.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/shut down\. Train again/),
    });
  }, 60_000);
});

describe('training service: leases and progress', () => {
  let store: ConnectedStore;
  const examples = (words: string[]) => words.map((text) => ({ text, entities: [] }));

  beforeAll(async () => {
    store = await connectTestStore('training');
    await store.bots.create({ name: 'b' }, 'b');
    await store.intents.create('b', {
      intentId: 'fallback',
      name: 'Fallback',
      userDefined: false,
      responses: ['?'],
    });
    await store.intents.create('b', {
      intentId: 'greet',
      name: 'Greet',
      trainingData: examples(['hello', 'hi', 'hey there', 'good morning', 'hiya', 'howdy']),
    });
    await store.intents.create('b', {
      intentId: 'bye',
      name: 'Bye',
      trainingData: examples(['bye', 'goodbye', 'see you', 'good night', 'later', 'farewell']),
    });
  });
  afterAll(async () => {
    await store.db.dropDatabase();
    await store.close();
  });

  const service = (leases: Partial<ConnectedStore['leases']>, updates: unknown[] = []) =>
    createTrainingService({
      store: {
        ...store,
        leases: { ...store.leases, ...leases },
        models: {
          ...store.models,
          update: (botId, id, patch) => {
            updates.push(patch);
            return store.models.update(botId, id, patch);
          },
        },
      },
      engine: createLocalNluEngine(),
      modelsDir: tmpdir(),
      instanceId: 'me',
      logger: pino({ level: 'silent' }),
      leaseTtlMs: 60,
      progressIntervalMs: 0,
    });

  it('stops a job whose lease was lost, with the reason', async () => {
    const training = service({ renew: async () => false });
    const started = await training.start('b', { force: true });
    if (started.status !== 'queued') throw new Error('not queued');
    await training.idle();
    expect(await store.models.get('b', started.model.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/lost its training lease/),
    });
    await training.shutdown();
  }, 60_000);

  it('survives a database error renewing the lease, and reports progress through evaluation to 100 %', async () => {
    const updates: Array<{ progress?: { phase: string; percent: number } }> = [];
    const training = service(
      { renew: async () => Promise.reject(new Error('database away for a moment')) },
      updates,
    );
    const started = await training.start('b', { force: true });
    if (started.status !== 'queued') throw new Error('not queued');
    await training.idle();
    expect((await store.models.get('b', started.model.id))?.status).toBe('ready');
    const evaluating = updates
      .map((u) => u.progress)
      .filter((p) => p?.phase === 'evaluate')
      .map((p) => p!.percent);
    expect(evaluating.some((percent) => percent > 70 && percent < 95)).toBe(true);
    expect(evaluating).toEqual([...evaluating].sort((a, b) => a - b));
    expect(updates.at(-1)?.progress).toEqual({ phase: 'done', percent: 100 });
    await training.shutdown();
  }, 60_000);

  it('writes the trained model to disk before cross-validation trains its fold models', async () => {
    const modelsDir = await mkdtemp(path.join(tmpdir(), 'parley-models-'));
    const engine = createLocalNluEngine();
    const onDiskAtEvaluation: string[][] = [];
    const training = createTrainingService({
      store,
      engine: {
        ...engine,
        crossValidate: async (data, folds, onProgress) => {
          // The model being trained is the only one under the bot's folder.
          const [modelId] = await readdir(path.join(modelsDir, 'b'));
          onDiskAtEvaluation.push(await readdir(path.join(modelsDir, 'b', modelId!)));
          return engine.crossValidate(data, folds, onProgress);
        },
      },
      modelsDir,
      instanceId: 'me',
      logger: pino({ level: 'silent' }),
    });
    const started = await training.start('b', { force: true });
    if (started.status !== 'queued') throw new Error('not queued');
    await training.idle();
    expect((await store.models.get('b', started.model.id))?.status).toBe('ready');
    expect(onDiskAtEvaluation).toHaveLength(1);
    expect(onDiskAtEvaluation[0]).toContain('manifest.json');
    await training.shutdown();
  }, 60_000);
});
