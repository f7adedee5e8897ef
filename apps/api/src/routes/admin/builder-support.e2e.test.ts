import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { useComposedApp } from '../../test-support/composed-app.js';

// What the admin UI's screens ask of the API besides plain resources, against the API as
// `npm start` wires it: real training, NLU, dialogue and the embedded database.
const BOT_ID = 'builder';
const base = `/api/v1/admin/bots/${BOT_ID}`;
const texts = (list: string[]) => list.map((text) => ({ text }));
const city = (text: string, word: string) => ({
  text,
  entities: [
    { name: 'city', value: word, begin: text.indexOf(word), end: text.indexOf(word) + word.length },
  ],
});

const BOT = {
  format: 'parley',
  version: 1,
  entities: [
    { name: 'city', values: [{ value: 'Paris' }, { value: 'Rome' }, { value: 'Berlin' }] },
  ],
  intents: [
    {
      intentId: 'greet',
      name: 'Greet',
      responses: ['Hi {{default context.name "there"}}'],
      trainingData: texts(['hi', 'hello', 'hey there', 'good morning', 'hello bot']),
    },
    {
      intentId: 'weather',
      name: 'Weather',
      responses: ['Sunny in {{parameters.city}}'],
      parameters: [{ name: 'city', entity: 'city', prompt: 'Which city?' }],
      trainingData: [
        city('weather in Paris', 'Paris'),
        city('is it raining in Rome', 'Rome'),
        city('forecast for Berlin', 'Berlin'),
        ...texts(['what is the weather in Rome', 'how warm is it', 'weather please']),
      ],
    },
    {
      // A third intent and 20 examples in all: enough for training to fold and hold intents out.
      intentId: 'thanks',
      name: 'Thanks',
      responses: ['You are welcome'],
      trainingData: texts([
        'thanks',
        'thank you',
        'thanks a lot',
        'many thanks',
        'cheers',
        'thank you so much',
        'much appreciated',
        'thanks bot',
        'great, thanks',
      ]),
    },
  ],
};

describe('admin API for the bot builder screens', () => {
  const t = useComposedApp();
  let toolServer: http.Server;
  let toolUrl = '';
  const seen: Array<{ url?: string; headers: http.IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    toolServer = http.createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ status: 'shipped', echo: req.headers['x-token'] }));
    });
    await new Promise<void>((resolve) => toolServer.listen(0, '127.0.0.1', resolve));
    toolUrl = `http://127.0.0.1:${(toolServer.address() as AddressInfo).port}`;
    const { app, admin } = t();
    await request(app)
      .post('/api/v1/admin/bots')
      .set('Authorization', admin)
      .send({ id: BOT_ID, name: 'Builder', toolCalls: { allowPrivateNetworks: true } })
      .expect(201);
    await request(app).post(`${base}/import`).set('Authorization', admin).send(BOT).expect(200);
  });
  afterAll(() => new Promise<void>((resolve) => toolServer.close(() => resolve())));

  it('lists intents with counts and the time each was last edited', async () => {
    const res = await request(t().app)
      .get(`${base}/intent-summaries`)
      .set('Authorization', t().admin)
      .expect(200);
    const weather = res.body.intents.find((i: { intentId: string }) => i.intentId === 'weather');
    expect(weather).toMatchObject({ name: 'Weather', examples: 6, parameters: 1 });
    expect(Date.parse(weather.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('says the model is out of date until the data is trained, and again after an edit', async () => {
    const { app, admin, deps } = t();
    const before = await request(app).get(`${base}/model-status`).set('Authorization', admin);
    expect(before.body).toMatchObject({ activeModelId: null, upToDate: false, trainable: true });

    await request(app).post(`${base}/train`).set('Authorization', admin).send({}).expect(202);
    await deps.training.idle();
    const trained = await request(app).get(`${base}/model-status`).set('Authorization', admin);
    expect(trained.body.upToDate).toBe(true);
    // The cross-validation report says what it got wrong and what each threshold would cost.
    const [model] = (await request(app).get(`${base}/models`).set('Authorization', admin)).body
      .models;
    expect(Array.isArray(model.metrics.misclassified)).toBe(true);
    expect(model.metrics.thresholdTradeoff).toContainEqual({
      threshold: 0.6,
      inScopeAccuracy: expect.any(Number),
      fallbackRate: expect.any(Number),
    });
    // Training held a few intents out of each fold: how many of their messages fall back.
    expect(model.metrics.outOfScopeRecall).toContainEqual({
      threshold: 0.6,
      oosRecall: expect.any(Number),
    });
    expect(model.metrics.calibrationError).toBeGreaterThanOrEqual(0);
    expect(model.metrics.calibrationError).toBeLessThanOrEqual(1);

    const greet = (await request(app).get(`${base}/intents/greet`).set('Authorization', admin))
      .body;
    await request(app)
      .put(`${base}/intents/greet`)
      .set('Authorization', admin)
      .send({ ...greet, trainingData: [...greet.trainingData, { text: 'hiya' }] })
      .expect(200);
    const edited = await request(app).get(`${base}/model-status`).set('Authorization', admin);
    expect(edited.body.upToDate).toBe(false);

    // A response edit does not change what the model learns.
    await request(app)
      .put(`${base}/intents/greet`)
      .set('Authorization', admin)
      .send({ ...greet, responses: ['Hello!'] })
      .expect(200);
    const responseOnly = await request(app).get(`${base}/model-status`).set('Authorization', admin);
    expect(responseOnly.body.upToDate).toBe(true);
  });

  it('suggests entity tags from the model for unannotated examples only', async () => {
    const res = await request(t().app)
      .post(`${base}/intents/weather/suggestions`)
      .set('Authorization', t().admin)
      .send({})
      .expect(200);
    const texts = res.body.suggestions.map((s: { text: string }) => s.text);
    expect(texts).toContain('what is the weather in Rome');
    expect(texts).not.toContain('weather in Paris');
    const rome = res.body.suggestions.find(
      (s: { text: string }) => s.text === 'what is the weather in Rome',
    );
    expect(rome.entities).toEqual([
      expect.objectContaining({ name: 'city', value: 'Rome', begin: 23, end: 27 }),
    ]);
    expect(rome.index).toBe(3);
  });

  it('previews a template with sample values, and points at the line of an error', async () => {
    const ok = await request(t().app)
      .post(`${base}/templates/preview`)
      .set('Authorization', t().admin)
      .send({
        template: 'Sunny in {{parameters.city}}###Anything else?',
        parameters: { city: 'Rome' },
      })
      .expect(200);
    expect(ok.body).toEqual({ ok: true, messages: ['Sunny in Rome', 'Anything else?'] });
    const broken = await request(t().app)
      .post(`${base}/templates/preview`)
      .set('Authorization', t().admin)
      .send({ template: 'line one\n{{#if parameters.city}}sunny' })
      .expect(200);
    expect(broken.body.ok).toBe(false);
    expect(broken.body.error.line).toBe(2);
    expect(broken.body.error.message).toMatch(/template does not compile/);
  });

  it('tries a tool call with sample parameters and shows both sides, secrets redacted', async () => {
    const { app, admin } = t();
    await request(app)
      .put(`${base}/secrets/token`)
      .set('Authorization', admin)
      .send({ value: 's3cret-value' })
      .expect(204);
    const res = await request(app)
      .post(`${base}/tool-calls/try`)
      .set('Authorization', admin)
      .send({
        toolCall: {
          url: `${toolUrl}/orders/{{parameters.id}}`,
          headers: [{ name: 'X-Token', value: '{{secrets.token}}' }],
        },
        parameters: { id: 'A1' },
      })
      .expect(200);
    expect(seen.at(-1)).toMatchObject({ url: '/orders/A1' });
    expect(seen.at(-1)!.headers['x-token']).toBe('s3cret-value');
    expect(res.body.request).toMatchObject({
      method: 'GET',
      url: `${toolUrl}/orders/A1`,
      headers: { 'X-Token': '[secret]' },
    });
    expect(res.body.response).toMatchObject({ ok: true, status: 200 });
    expect(res.body.response.body).toContain('shipped');
    expect(JSON.stringify(res.body)).not.toContain('s3cret-value');
  });

  it('refuses a tool call to a private address when the bot does not allow them', async () => {
    const { app, admin } = t();
    await request(app)
      .patch(`${base}`)
      .set('Authorization', admin)
      .send({ toolCalls: { allowPrivateNetworks: false } })
      .expect(200);
    const res = await request(app)
      .post(`${base}/tool-calls/try`)
      .set('Authorization', admin)
      .send({ toolCall: { url: `${toolUrl}/x` } })
      .expect(200);
    expect(res.body.response).toMatchObject({ ok: false, code: 'BLOCKED_ADDRESS' });
    await request(app)
      .patch(`${base}`)
      .set('Authorization', admin)
      .send({ toolCalls: { allowPrivateNetworks: true } })
      .expect(200);
  });

  it('lists fell-back messages for review until they become examples', async () => {
    const { app, admin, deps } = t();
    for (const text of ['qwzx blorp', 'hello']) {
      const sent = await deps.dialogue.handleMessage({
        botId: BOT_ID,
        threadId: `review-${text}`,
        text,
        channel: 'rest',
      });
      expect(sent.ok).toBe(true);
    }
    await deps.dialogue.handleMessage({
      botId: BOT_ID,
      threadId: 'test-thread',
      text: 'zzkq',
      channel: 'admin-test',
    });
    const inbox = await request(app).get(`${base}/review`).set('Authorization', admin).expect(200);
    const texts = inbox.body.turns.map((turn: { userText: string }) => turn.userText);
    expect(texts).toContain('qwzx blorp');
    expect(texts).not.toContain('hello');
    expect(texts).not.toContain('zzkq');

    const low = await request(app)
      .get(`${base}/threads`)
      .query({ belowConfidence: inbox.body.threshold })
      .set('Authorization', admin)
      .expect(200);
    expect(low.body.threads.map((th: { threadId: string }) => th.threadId)).toContain(
      'review-qwzx blorp',
    );
    expect(low.body.threads.map((th: { threadId: string }) => th.threadId)).not.toContain(
      'review-hello',
    );

    const greet = (await request(app).get(`${base}/intents/greet`).set('Authorization', admin))
      .body;
    await request(app)
      .put(`${base}/intents/greet`)
      .set('Authorization', admin)
      .send({ ...greet, trainingData: [...greet.trainingData, { text: 'qwzx blorp' }] })
      .expect(200);
    const after = await request(app).get(`${base}/review`).set('Authorization', admin).expect(200);
    expect(after.body.turns.map((turn: { userText: string }) => turn.userText)).not.toContain(
      'qwzx blorp',
    );
  });

  it('dry-runs an import: what would change and every problem, writing nothing', async () => {
    const { app, admin } = t();
    const next = {
      ...BOT,
      intents: [
        { ...BOT.intents[0], responses: ['Hey!'] },
        { intentId: 'bye', name: 'Bye', trainingData: texts(['bye']) },
      ],
    };
    const res = await request(app)
      .post(`${base}/import/preview`)
      .set('Authorization', admin)
      .send(next)
      .expect(200);
    expect(res.body).toMatchObject({
      ok: true,
      format: 'parley',
      intents: { created: ['bye'], changed: ['greet'], removed: ['thanks', 'weather'] },
      entities: { created: [], changed: [], removed: [], unchanged: 1 },
    });
    const bad = await request(app)
      .post(`${base}/import/preview`)
      .set('Authorization', admin)
      .send({ ...BOT, intents: [{ intentId: 'x y', name: '' }] })
      .expect(200);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^intents\[0\]\.intentId|^intents\.0\.intentId/),
      ]),
    );
    const intents = await request(app).get(`${base}/intents`).set('Authorization', admin);
    expect(intents.body.intents.map((i: { intentId: string }) => i.intentId)).toEqual([
      'greet',
      'thanks',
      'weather',
    ]);
  });

  it('says what to set before an LLM connection can be tested', async () => {
    const res = await request(t().app)
      .post(`${base}/llm/test`)
      .set('Authorization', t().admin)
      .send({})
      .expect(200);
    expect(res.body).toMatchObject({ ok: false, outcome: expect.stringMatching(/endpoint URL/) });
  });
});
