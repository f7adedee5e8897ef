import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectedStore } from '@parley/store';
import { startApiProcess, type ApiProcess } from '../../test-support/api-process.js';
import { freePort } from '../../test-support/free-port.js';
import { connectTestStore, testDatabaseName } from '../../test-support/test-store.js';

const examples = (texts: string[]) => texts.map((text) => ({ text }));
const BOT = {
  format: 'parley',
  version: 1,
  intents: [
    {
      intentId: 'greet',
      name: 'Greet',
      responses: ['Hi'],
      trainingData: examples(['hi', 'hello', 'hey there', 'good morning', 'hiya']),
    },
    {
      intentId: 'bye',
      name: 'Bye',
      responses: ['Bye'],
      trainingData: examples(['bye', 'goodbye', 'see you later', 'farewell', 'good night']),
    },
    {
      intentId: 'weather',
      name: 'Weather',
      responses: ['Sunny'],
      trainingData: examples([
        'what is the weather',
        'will it rain',
        'forecast for today',
        'is it sunny',
        'how hot is it',
      ]),
    },
  ],
  entities: [],
};

describe('two API instances on one database and one MODELS_DIR', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-replicas-'));
  const env = {
    MONGODB_URI: process.env.MONGODB_URI!,
    MONGODB_DB: testDatabaseName('replicas'),
    MODELS_DIR: path.join(dataDir, 'models'),
    DATA_DIR: dataDir,
    MODEL_POLL_MS: '500',
    LOG_LEVEL: 'warn',
  };
  let a: ApiProcess;
  let b: ApiProcess;
  let store: ConnectedStore;
  let auth: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startApiProcess({ ...env, INSTANCE_ID: 'a' }, await freePort()),
      startApiProcess({ ...env, INSTANCE_ID: 'b' }, await freePort()),
    ]);
    store = await connectTestStore('replicas', { dbName: env.MONGODB_DB });
    auth = `Bearer ${(await store.apiKeys.create({ name: 'replicas', role: 'admin' })).key}`;
  }, 90_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.db.dropDatabase();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies checked by the assertions
  const json = async (res: Response): Promise<any> => res.json();
  const call = (api: ApiProcess, method: string, url: string, body?: unknown) =>
    fetch(`${api.baseUrl}/api/v1/admin${url}`, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  it('trains through one instance and the other answers with the new model within 5 s, failing no request', async () => {
    expect((await call(a, 'POST', '/bots/default/import?allowRemovals=true', BOT)).status).toBe(
      200,
    );
    const before = await json(
      await call(b, 'POST', '/bots/default/parse', { text: 'will it rain tomorrow' }),
    );
    expect(before.source).toBe('none');

    const started = await call(a, 'POST', '/bots/default/train', {});
    expect(started.status).toBe(202);
    const { jobId } = await json(started);

    let ready = 0;
    for (let i = 0; i < 600 && !ready; i++) {
      const job = await json(await call(b, 'GET', `/bots/default/jobs/${jobId}`));
      if (job.status === 'failed') throw new Error(job.error);
      if (job.status === 'ready') ready = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBeGreaterThan(0);

    // B keeps answering while it notices the new pointer and loads the model.
    const statuses: number[] = [];
    let answeredAt = 0;
    while (!answeredAt && Date.now() - ready < 10_000) {
      const res = await call(b, 'POST', '/bots/default/parse', { text: 'will it rain tomorrow' });
      statuses.push(res.status);
      const body = await json(res);
      if (body.source === 'local' && body.intent.name === 'weather') answeredAt = Date.now();
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(answeredAt).toBeGreaterThan(0);
    expect(answeredAt - ready).toBeLessThan(5000);
  }, 180_000);

  it('follows a rollback made on the other instance', async () => {
    const retrain = await call(a, 'POST', '/bots/default/train', { force: true });
    const { jobId: second } = await json(retrain);
    for (let i = 0; i < 600; i++) {
      const job = await json(await call(a, 'GET', `/bots/default/jobs/${second}`));
      if (job.status === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { models } = await json(await call(b, 'GET', '/bots/default/models'));
    const first = models.find((model: { version: number }) => model.version === 1);
    expect((await call(b, 'POST', `/bots/default/models/${first.id}/activate`)).status).toBe(200);
    expect((await call(a, 'DELETE', `/bots/default/models/${first.id}`)).status).toBe(409);
    const listed = await json(await call(a, 'GET', '/bots/default/models'));
    expect(listed.activeModelId).toBe(first.id);
  }, 180_000);
});
