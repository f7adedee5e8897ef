import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { acfOrderStatusBot } from '@parley/store/testing';
import { useComposedApp } from '../../test-support/composed-app.js';

describe('REST chat end to end: import, train, chat', () => {
  const t = useComposedApp();
  let orders: http.Server;
  let toolUrl = '';
  const calls: string[] = [];

  beforeAll(async () => {
    orders = http.createServer((req, res) => {
      calls.push(req.url ?? '');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ status: 'shipped' }));
    });
    await new Promise<void>((resolve) => orders.listen(0, '127.0.0.1', resolve));
    toolUrl = `http://127.0.0.1:${(orders.address() as AddressInfo).port}`;

    const { app, admin, deps } = t();
    await request(app)
      .post('/api/v1/admin/bots/default/import')
      .set('Authorization', admin)
      .send(acfOrderStatusBot(toolUrl))
      .expect(200);
    await request(app)
      .patch('/api/v1/admin/bots/default')
      .set('Authorization', admin)
      .send({ toolCalls: { allowPrivateNetworks: true } })
      .expect(200);
    const train = await request(app)
      .post('/api/v1/admin/bots/default/train')
      .set('Authorization', admin)
      .send({})
      .expect(202);
    await deps.training.idle();
    const job = await request(app)
      .get(`/api/v1/admin/bots/default/jobs/${train.body.jobId}`)
      .set('Authorization', admin)
      .expect(200);
    expect(job.body).toMatchObject({ status: 'ready', progress: { percent: 100 } });
  }, 120_000);
  afterAll(() => new Promise<void>((resolve) => orders.close(() => resolve())));

  const chat = (threadId: string, text: string, context?: object) =>
    request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ threadId, text, context });

  it('asks for the order number, fills it from the answer, calls the tool and renders the result', async () => {
    const ask = await chat('order-1', 'What is my order status').expect(200);
    expect(ask.body).toMatchObject({
      messages: [{ text: 'Sure' }, { text: 'Can you please give me your order number ?' }],
      intent: { name: 'check_order_status' },
      complete: false,
      missingParameters: ['order_number'],
    });
    const answer = await chat('order-1', 'my order number is ORD555123').expect(200);
    expect(answer.body.messages.map((message: { text: string }) => message.text)).toEqual([
      'Let me check the status of order ORD555123',
      'Your order status is shipped.',
    ]);
    expect(answer.body).toMatchObject({ complete: true, missingParameters: [] });
    expect(calls.at(-1)).toBe('/api/orders/status?order_id=ORD555123');
  });

  it('greets with the context sent along, cancels, and falls back on nonsense', async () => {
    const hello = await chat('misc-1', 'hello', { username: 'Ann' }).expect(200);
    expect(hello.body.messages[0].text).toBe('Hi Ann');
    await chat('misc-1', 'What is my order status').expect(200);
    const cancel = await chat('misc-1', 'cancel').expect(200);
    expect(cancel.body).toMatchObject({
      messages: [{ text: 'Ok. Canceled.' }],
      intent: { name: 'cancel' },
    });
    const nonsense = await chat('misc-2', 'purple elephants juggle quantum spreadsheets').expect(
      200,
    );
    expect(nonsense.body.messages[0].text).toBe('Sorry');
  });

  it('forces an intent with parameters only when the channel allows it (or the bot offered it)', async () => {
    const typed = await chat('forced-0', '/check_order_status{"order_number":"ORD777"}').expect(
      200,
    );
    expect(JSON.stringify(typed.body.messages)).not.toContain('ORD777');
    await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/rest')
      .set('Authorization', t().admin)
      .send({ settings: { allowForcedIntents: true } })
      .expect(200);
    const forced = await chat('forced-1', '/check_order_status{"order_number":"ORD777"}').expect(
      200,
    );
    expect(forced.body).toMatchObject({
      intent: { name: 'check_order_status', confidence: 1 },
      complete: true,
    });
    expect(forced.body.messages[0].text).toBe('Let me check the status of order ORD777');
  });

  it("keeps ai-chatbot-framework's REST contract working", async () => {
    const res = await request(t().app)
      .post('/api/bots/channels/rest/webbook')
      .set('Authorization', t().admin)
      .send({ thread_id: 'acf-1', text: 'hello', context: { username: 'Bob' } })
      .expect(200);
    expect(res.body).toEqual([{ text: 'Hi Bob' }, { text: 'What can i do for you ?' }]);
  });

  it('refuses chat without a key unless the bot allows anonymous access', async () => {
    const anonymous = await request(t().app)
      .post('/api/v1/bots/default/chat')
      .send({ threadId: 'x', text: 'hi' });
    expect(anonymous.status).toBe(401);
    await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/rest')
      .set('Authorization', t().admin)
      .send({ settings: { allowAnonymous: true } })
      .expect(200);
    await request(t().app)
      .post('/api/bots/channels/rest/webbook')
      .send({ thread_id: 'anon', text: 'hi' })
      .expect(200);
    await request(t().app)
      .put('/api/v1/admin/bots/default/integrations/rest')
      .set('Authorization', t().admin)
      .send({ settings: { allowAnonymous: false, allowForcedIntents: true } })
      .expect(200);
  });

  it('starts a thread when none is given, and answers bad input with a clear 4xx', async () => {
    const fresh = await request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ text: 'hi' })
      .expect(200);
    expect(fresh.body.threadId).toMatch(/^t_[\w-]{16}$/);
    const missing = await request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'a' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('body');
    const reserved = await request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'test:someone', text: 'hi' });
    expect(reserved.body.errors[0].path).toBe('body.threadId');
    await request(t().app)
      .post('/api/v1/bots/nobody/chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'a', text: 'hi' })
      .expect(404);
  });

  it('answers with the intent error text when a template fails, and records the error on the turn', async () => {
    const { app, admin } = t();
    await request(app)
      .post('/api/v1/admin/bots/default/intents')
      .set('Authorization', admin)
      .send({
        intentId: 'broken',
        name: 'Broken',
        responses: ['Total: {{> price}}'],
        errorResponse: 'Something broke, sorry.',
      })
      .expect(201);
    const res = await chat('broken-1', '/broken').expect(200);
    expect(res.body.messages[0].text).toBe('Something broke, sorry.');
    const transcript = await request(app)
      .get('/api/v1/admin/bots/default/threads/broken-1')
      .set('Authorization', admin)
      .expect(200);
    expect(transcript.body.turns[0].error).toEqual(expect.any(String));
  });

  it('refuses a tool call to a private address unless the bot allows it', async () => {
    const { app, admin } = t();
    await request(app)
      .post('/api/v1/admin/bots')
      .set('Authorization', admin)
      .send({ id: 'strict', name: 'Strict' })
      .expect(201);
    await request(app)
      .post('/api/v1/admin/bots/strict/intents')
      .set('Authorization', admin)
      .send({
        intentId: 'meta',
        name: 'Meta',
        responses: ['{{result.x}}'],
        errorResponse: 'Not allowed.',
        toolCall: { url: `${toolUrl}/secret` },
      })
      .expect(201);
    await request(app)
      .put('/api/v1/admin/bots/strict/integrations/rest')
      .set('Authorization', admin)
      .send({ settings: { allowForcedIntents: true } })
      .expect(200);
    const before = calls.length;
    const res = await request(app)
      .post('/api/v1/bots/strict/chat')
      .set('Authorization', admin)
      .send({ threadId: 's', text: '/meta' })
      .expect(200);
    expect(res.body.messages[0].text).toBe('Not allowed.');
    expect(calls.length).toBe(before);
    const transcript = await request(app)
      .get('/api/v1/admin/bots/strict/threads/s')
      .set('Authorization', admin);
    expect(transcript.body.turns[0].toolCall).toMatchObject({ ok: false });
    const metrics = await request(app).get('/metrics').set('Authorization', admin);
    expect(metrics.text).toMatch(/parley_tool_call_errors_total\{bot="strict",intent="meta"\} 1/);
  });

  it('keeps every one of 50 parallel messages on one thread', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => chat('busy', `/init_conversation{"n":"${i}"}`)),
    );
    expect(results.map((res) => res.status).filter((status) => status !== 200)).toEqual([]);
    const transcript = await request(t().app)
      .get('/api/v1/admin/bots/default/threads/busy?limit=100')
      .set('Authorization', t().admin)
      .expect(200);
    expect(transcript.body.turns.map((turn: { seq: number }) => turn.seq)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  }, 60_000);
});
