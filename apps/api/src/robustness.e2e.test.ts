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

/** Import, the intents API and the renderer agree on what a bot may hold. */
describe('one validator for every way a bot is written', () => {
  const t = useComposedApp();
  const importFile = (file: object, query = '') =>
    request(t().app)
      .post(`/api/v1/admin/bots/default/import${query}`)
      .set('Authorization', t().admin)
      .send({ format: 'parley', version: 1, ...file });
  const fallback = { intentId: 'fallback', name: 'Fallback', responses: ['Sorry?'] };

  it('refuses an invalid regex everywhere, naming where it is', async () => {
    const imported = await importFile({
      intents: [fallback],
      entities: [{ name: 'code', patterns: ['(unclosed'] }],
    });
    expect(imported.status).toBe(422);
    expect(imported.body.errors[0]).toMatchObject({
      path: 'entities[0].patterns[0]',
      message: expect.stringMatching(/not a valid regex/),
    });
    const created = await request(t().app)
      .post('/api/v1/admin/bots/default/entities')
      .set('Authorization', t().admin)
      .send({ name: 'code', patterns: ['(unclosed'] });
    expect(created.status).toBe(422);
    expect(created.body.errors[0].path).toBe('body.patterns.0');
  });

  it('accepts on import exactly the templates the intents API accepts', async () => {
    const broken = { intentId: 'broken', name: 'Broken', responses: ['{{#if x}}never closed'] };
    const imported = await importFile({ intents: [fallback, broken], entities: [] });
    expect(imported.status).toBe(422);
    expect(imported.body.errors[0].path).toBe('intents[1].responses[0]');
    const jsonBody = {
      intentId: 'tags',
      name: 'Tags',
      responses: ['ok'],
      toolCall: {
        method: 'POST',
        url: 'https://api.example.com/tags',
        bodyType: 'json',
        body: '{"tags": {{json context.tags}}}',
      },
    };
    await request(t().app)
      .post('/api/v1/admin/bots/default/intents')
      .set('Authorization', t().admin)
      .send(jsonBody)
      .expect(201);
    await importFile({ intents: [fallback, jsonBody], entities: [] }).expect(200);
  });

  it('needs allowRemovals to remove every intent or the fallback', async () => {
    const none = await importFile({ intents: [], entities: [] });
    expect(none.status).toBe(422);
    expect(none.body.errors[0].message).toMatch(/allowRemovals/);
    const noFallback = await importFile({
      intents: [{ intentId: 'hi', name: 'Hi', responses: ['Hi'] }],
      entities: [],
    });
    expect(noFallback.body.errors[0].message).toMatch(/fallback/);
    await importFile({ intents: [], entities: [] }, '?allowRemovals=true').expect(200);
  });

  it('replaces an intent on PUT: fields the body leaves out are gone', async () => {
    const intent = { intentId: 'faq', name: 'FAQ', responses: ['A'], errorResponse: 'Oops' };
    await request(t().app)
      .post('/api/v1/admin/bots/default/intents')
      .set('Authorization', t().admin)
      .send(intent)
      .expect(201);
    const { errorResponse: _dropped, ...withoutError } = intent;
    await request(t().app)
      .put('/api/v1/admin/bots/default/intents/faq')
      .set('Authorization', t().admin)
      .send(withoutError)
      .expect(200);
    const read = await request(t().app)
      .get('/api/v1/admin/bots/default/intents/faq')
      .set('Authorization', t().admin)
      .expect(200);
    expect(read.body.errorResponse).toBeUndefined();
  });
});

describe('what a client may send that the database could not store as it is', () => {
  const t = useComposedApp();

  it('keeps a context with arrays of arrays and keys with dots', async () => {
    const context = { grid: [[1, 2], [[3]], []], 'a.b': { $c: [[true]] } };
    const res = await request(t().app)
      .post('/api/v1/admin/bots/default/test-chat')
      .set('Authorization', t().admin)
      .send({ text: 'hello', context })
      .expect(200);
    expect(res.body.context).toMatchObject(context);
    const again = await request(t().app)
      .post('/api/v1/admin/bots/default/test-chat')
      .set('Authorization', t().admin)
      .send({ threadId: res.body.threadId, text: 'hello again' })
      .expect(200);
    expect(again.body.context).toMatchObject(context);
  });
});
