import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { COLLECTIONS } from '@parley/store';
import { importAndTrain, useComposedApp } from './test-support/composed-app.js';

const BOT = {
  intents: [
    {
      name: 'Fallback',
      intentId: 'fallback',
      userDefined: false,
      speechResponse: 'Say again?',
      trainingData: [],
    },
    {
      name: 'Greet',
      intentId: 'greet',
      speechResponse: 'Hello!',
      trainingData: ['hello', 'hi there', 'good morning', 'hey'].map((text) => ({
        text,
        entities: [],
      })),
    },
    {
      name: 'Bye',
      intentId: 'bye',
      speechResponse: 'Goodbye!',
      trainingData: ['bye', 'goodbye', 'see you later', 'good night'].map((text) => ({
        text,
        entities: [],
      })),
    },
  ],
  entities: [],
};

/** One bad setting or file must never take a bot down. */
describe('a poisoned bot keeps answering', () => {
  const t = useComposedApp();
  const chat = (text: string) =>
    request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'p1', text });

  it('answers with its defaults when a stored setting is no longer valid', async () => {
    const { deps, app, admin } = t();
    await deps.store.db
      .collection(COLLECTIONS.bots)
      .updateOne({ _id: 'default' as never }, { $set: { 'settings.timeZone': '\u0004T' } });
    await deps.store.changes.bump();
    await chat('hello').expect(200);
    await request(app)
      .post('/api/v1/admin/bots/default/parse')
      .set('Authorization', admin)
      .send({ text: 'tomorrow at 5' })
      .expect(200);
    const bot = await request(app)
      .get('/api/v1/admin/bots/default')
      .set('Authorization', admin)
      .expect(200);
    expect(bot.body.timeZone).toBe('UTC');
  });

  it('answers with entities and the fallback when its model cannot be loaded, and says why', async () => {
    const { deps, app, admin, modelsDir } = t();
    await importAndTrain(t(), BOT);
    await request(app)
      .post('/api/v1/admin/bots/default/train')
      .set('Authorization', admin)
      .send({ force: true })
      .expect(202);
    await deps.training.idle();
    const [latest, first] = await deps.store.models.list('default');
    await deps.models.refresh();
    expect(await deps.models.status('default')).toEqual({
      activeModelId: latest!.id,
      state: 'loaded',
    });
    expect(first?.status).toBe('ready');
    // The older version's files are damaged, then it is made active again (a rollback).
    const dir = path.join(modelsDir, first!.artifactPath!);
    for (const file of await readdir(dir)) await writeFile(path.join(dir, file), 'garbage');
    await request(app)
      .post(`/api/v1/admin/bots/default/models/${first!.id}/activate`)
      .set('Authorization', admin)
      .expect(200);
    await deps.models.refresh();

    const res = await chat('hello').expect(200);
    expect(res.body.messages[0].text).toBe('Say again?');
    const models = await request(app)
      .get('/api/v1/admin/bots/default/models')
      .set('Authorization', admin)
      .expect(200);
    expect(models.body.runtime).toMatchObject({
      activeModelId: first!.id,
      state: 'failed',
      error: expect.any(String),
    });
  }, 120_000);
});
