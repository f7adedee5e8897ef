import request from 'supertest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '@parley/nlu/testing';
import { useComposedApp } from '../../test-support/composed-app.js';

describe('a bot in LLM mode chats through the REST channel', () => {
  const t = useComposedApp();
  let llm: FakeOpenAiServer;

  beforeAll(async () => {
    // The model names the intent and the city it read, with logprobs (so a real confidence).
    llm = await startFakeOpenAiServer((req) => {
      const messages = req.body.messages as Array<{ content: string }>;
      const text = messages.at(-1)?.content ?? '';
      if (/weather/i.test(text)) {
        return {
          content: JSON.stringify({
            intent: 'weather',
            entities: [{ type: 'city', text: 'Paris', value: 'Paris' }],
          }),
          logprobs: () => -0.01,
        };
      }
      return {
        content: JSON.stringify({ intent: 'book_flight', entities: [] }),
        logprobs: () => -0.1,
      };
    });
    const { app, admin } = t();
    await request(app)
      .post('/api/v1/admin/bots')
      .set('Authorization', admin)
      .send({ id: 'llmbot', name: 'LLM bot' })
      .expect(201);
    await request(app)
      .post('/api/v1/admin/bots/llmbot/import')
      .set('Authorization', admin)
      .send({
        format: 'parley',
        version: 1,
        intents: [
          { intentId: 'fallback', name: 'Fallback', responses: ['Sorry?'] },
          {
            intentId: 'weather',
            name: 'Weather',
            description: 'Questions about the weather in a city',
            responses: ['Weather in {{parameters.city}}: sunny.'],
            parameters: [{ name: 'city', entity: 'city', prompt: 'Which city?' }],
            trainingData: [{ text: 'what is the weather like' }],
          },
        ],
        entities: [{ name: 'city', values: [{ value: 'Paris', synonyms: ['paname'] }] }],
      })
      .expect(200);
    await request(app)
      .patch('/api/v1/admin/bots/llmbot')
      .set('Authorization', admin)
      .send({
        nlu: {
          pipeline: 'llm',
          threshold: 0.5,
          llm: {
            baseUrl: llm.baseUrl,
            model: 'test-model',
            apiKey: 'sk-test-secret',
            allowPrivateNetworks: true,
          },
        },
      })
      .expect(200);
  });
  afterAll(() => llm.close().catch(() => undefined));

  const chat = (text: string) =>
    request(t().app)
      .post('/api/v1/bots/llmbot/chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'l1', text });

  it('understands through the LLM, fills the slot from its entity and answers', async () => {
    const res = await chat('what is the weather in Paris').expect(200);
    expect(res.body).toMatchObject({
      messages: [{ text: 'Weather in Paris: sunny.' }],
      intent: { name: 'weather' },
      complete: true,
    });
    expect(res.body.intent.confidence).toBeGreaterThan(0.5);
    expect(res.body.entities[0]).toMatchObject({
      name: 'city',
      value: 'Paris',
      raw: 'Paris',
      extractor: 'llm',
    });
    expect(llm.requests.at(-1)?.headers.authorization).toBe('Bearer sk-test-secret');
  });

  it('falls back when the LLM names an intent the bot does not have', async () => {
    const res = await chat('book me a flight to Rome').expect(200);
    expect(res.body.messages[0].text).toBe('Sorry?');
  });

  it('never calls an LLM endpoint on a private address the bot does not allow', async () => {
    const { app, admin, deps } = t();
    const bot = await deps.store.bots.get('llmbot');
    const before = llm.requests.length;
    // Written past the admin API's check, as a host name resolving to loopback would be.
    await deps.store.bots.updateSettings('llmbot', {
      ...bot!.settings,
      nlu: { ...bot!.settings.nlu, llm: { ...bot!.settings.nlu.llm, allowPrivateNetworks: false } },
    });
    const res = await request(app)
      .post('/api/v1/bots/llmbot/chat')
      .set('Authorization', admin)
      .send({ threadId: 'guarded', text: 'what is the weather in Paris' })
      .expect(200);
    expect(res.body.messages[0].text).toBe('Sorry?');
    expect(llm.requests.length).toBe(before);
    await deps.store.bots.updateSettings('llmbot', bot!.settings);
  });

  it('falls back, never a 500, when the LLM endpoint is down', async () => {
    await llm.close();
    const res = await chat('what is the weather in paname today').expect(200);
    expect(res.body.messages[0].text).toBe('Sorry?');
  });
});
