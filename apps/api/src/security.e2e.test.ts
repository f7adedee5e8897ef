import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { useComposedApp } from './test-support/composed-app.js';

/**
 * The attacks of the security review, replayed through real HTTP against the embedded database:
 * each must stay closed.
 */
describe('security: attacks from outside and from low-privilege insiders', () => {
  const t = useComposedApp({
    CHAT_CONTEXT_MAX_BYTES: '4096',
    CONVERSATION_CONTEXT_MAX_BYTES: '8192',
  });
  let tool: http.Server;
  let toolUrl = '';
  const toolRequests: Array<{ url: string; secret: string | undefined }> = [];
  let viewer = '';

  beforeAll(async () => {
    tool = http.createServer((req, res) => {
      toolRequests.push({ url: req.url ?? '', secret: req.headers['x-secret'] as string });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'shipped', echo: `you sent ${req.headers['x-secret']}` }));
    });
    await new Promise<void>((resolve) => tool.listen(0, '127.0.0.1', resolve));
    toolUrl = `http://127.0.0.1:${(tool.address() as AddressInfo).port}`;

    const { app, admin, deps } = t();
    const as = (path: string) => ({ path, auth: admin });
    const send = async (
      method: 'post' | 'put',
      { path, auth }: ReturnType<typeof as>,
      body: object,
    ) => request(app)[method](`/api/v1/admin${path}`).set('Authorization', auth).send(body);
    expect(
      (
        await send('post', as('/bots'), {
          id: 'shop',
          name: 'Shop',
          toolCalls: { allowPrivateNetworks: true },
        })
      ).status,
    ).toBe(201);
    await send('put', as('/bots/shop/secrets/TOKEN'), { value: 'tok-super-secret-42' });
    await send('post', as('/bots/shop/entities'), { name: 'order_id' });
    await send('post', as('/bots/shop/entities'), { name: 'ticket', patterns: ['TCK\\d+'] });
    const intents = [
      {
        intentId: 'order',
        name: 'Order status',
        parameters: [{ name: 'id', entity: 'order_id', prompt: 'Which order?' }],
        toolCall: {
          url: `${toolUrl}/orders/{{parameters.id}}/status?order_id={{parameters.id}}`,
          headers: [{ name: 'x-secret', value: '{{secrets.TOKEN}}' }],
        },
        responses: ['Order {{parameters.id}}: {{result.status}} ({{result.echo}})'],
      },
      {
        intentId: 'menu',
        name: 'Menu',
        responses: ['What next?'],
        quickReplies: [{ title: 'Order 42', payload: '/order{"id":"ORD42"}' }],
      },
      { intentId: 'hello', name: 'Hello', responses: ['Hi {{context.cart}}'] },
    ];
    for (const intent of intents)
      expect((await send('post', as('/bots/shop/intents'), intent)).status).toBe(201);
    await send('put', as('/bots/shop/integrations/rest'), {
      secrets: { apiKey: 'rest-key-123456' },
    });
    viewer = `Bearer ${(await deps.store.apiKeys.create({ name: 'viewer', role: 'viewer' })).key}`;
  });
  afterAll(async () => {
    tool.closeAllConnections();
    await new Promise((resolve) => tool.close(resolve));
  });

  const chat = (body: object) =>
    request(t().app)
      .post('/api/v1/bots/shop/chat')
      .set('Authorization', 'Bearer rest-key-123456')
      .send(body);
  const allowForcing = (allow: boolean) =>
    request(t().app)
      .put('/api/v1/admin/bots/shop/integrations/rest')
      .set('Authorization', t().admin)
      .send({ settings: { allowForcedIntents: allow } })
      .expect(200);

  it('does not let a chat client force an intent the bot did not offer', async () => {
    const before = toolRequests.length;
    const res = await chat({ threadId: 'a1', text: '/order{"id":"ORD1"}' }).expect(200);
    expect(res.body.messages[0].text).not.toContain('ORD1');
    expect(toolRequests.length).toBe(before);
  });

  it('lets a client send a payload the bot offered in this thread', async () => {
    await chat({ threadId: 'a2', text: '/menu' }).expect(200); // not offered: not forced
    const offered = await request(t().app)
      .post('/api/v1/admin/bots/shop/test-chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'menu-thread', text: '/menu' })
      .expect(200);
    expect(offered.body.messages[0].quickReplies[0].payload).toBe('/order{"id":"ORD42"}');
    await allowForcing(true);
    await chat({ threadId: 'a3', text: '/menu' }).expect(200);
    await allowForcing(false);
    const clicked = await chat({ threadId: 'a3', text: '/order{"id":"ORD42"}' }).expect(200);
    expect(clicked.body.messages[0].text).toMatch(/^Order ORD42: shipped/);
  });

  it('keeps forced values from changing the tool call URL, even where forcing is allowed', async () => {
    await allowForcing(true);
    toolRequests.length = 0;
    await chat({ threadId: 'a4', text: '/order{"id":"../../admin/users?delete=all&x="}' }).expect(
      200,
    );
    await chat({ threadId: 'a5', text: '/order{"id":"X1&admin=true&order_id=OTHER"}' }).expect(200);
    await allowForcing(false);
    expect(toolRequests.map((r) => r.url)).toEqual([
      '/orders/..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%26x%3D/status?order_id=..%2F..%2Fadmin%2Fusers%3Fdelete%3Dall%26x%3D',
      '/orders/X1%26admin%3Dtrue%26order_id%3DOTHER/status?order_id=X1%26admin%3Dtrue%26order_id%3DOTHER',
    ]);
  });

  it('never says or logs a secret the tool response echoes', async () => {
    const res = await request(t().app)
      .post('/api/v1/admin/bots/shop/test-chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'echo', text: '/order{"id":"ORD7"}' })
      .expect(200);
    expect(toolRequests.at(-1)?.secret).toBe('tok-super-secret-42');
    expect(res.body.messages[0].text).toBe('Order ORD7: shipped (you sent [secret])');
    const transcript = await request(t().app)
      .get(`/api/v1/admin/bots/shop/threads/${encodeURIComponent(res.body.threadId)}`)
      .set('Authorization', t().admin)
      .expect(200);
    expect(JSON.stringify(transcript.body)).not.toContain('tok-super-secret-42');
  });

  it('keeps test chat in its own namespace and admin-only for a bot with tool calls', async () => {
    const denied = await request(t().app)
      .post('/api/v1/admin/bots/shop/test-chat')
      .set('Authorization', viewer)
      .send({ threadId: 'a3', text: 'hello' });
    expect(denied.status).toBe(403);
    const own = await request(t().app)
      .post('/api/v1/admin/bots/shop/test-chat')
      .set('Authorization', t().admin)
      .send({ threadId: 'a3', text: '/hello', context: { cart: 'from-test' } })
      .expect(200);
    expect(own.body.threadId).toBe('test:a3');
    const real = await chat({ threadId: 'a3', text: '/hello' }).expect(200);
    expect(JSON.stringify(real.body)).not.toContain('from-test');
    const turns = await request(t().app)
      .get('/api/v1/admin/bots/shop/threads/test:a3')
      .set('Authorization', t().admin)
      .expect(200);
    expect(turns.body.turns[0].channel).toBe('test');
    // The default bot has no tool calls: a viewer may try it.
    await request(t().app)
      .post('/api/v1/admin/bots/default/test-chat')
      .set('Authorization', viewer)
      .send({ text: 'hello' })
      .expect(200);
  });

  it('limits the context a client sends and what a thread keeps, and deletes a thread', async () => {
    const huge = await chat({
      threadId: 'c1',
      text: '/hello',
      context: { blob: 'x'.repeat(289_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({
      code: 'CONTEXT_TOO_LARGE',
      errors: [{ path: 'body.context' }],
    });
    const deep = await chat({
      threadId: 'c1',
      text: '/hello',
      context: { a: { b: { c: { d: { e: { f: 1 } } } } } },
    });
    // The shape is right, a rule of the content is not: 422 naming the field.
    expect(deep.status).toBe(422);
    expect(deep.body.errors[0].path).toBe('body.context');
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect((await chat({ threadId: 'c1', text: '/hello', context: many })).status).toBe(422);

    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push(
        (
          await chat({
            threadId: 'c2',
            text: '/hello',
            context: { [`part${i}`]: 'y'.repeat(3000) },
          })
        ).status,
      );
    expect(statuses).toEqual([200, 200, 413, 413]);

    await request(t().app)
      .delete('/api/v1/admin/bots/shop/threads/c2')
      .set('Authorization', viewer)
      .expect(403);
    await request(t().app)
      .delete('/api/v1/admin/bots/shop/threads/c2')
      .set('Authorization', t().admin)
      .expect(204);
    await request(t().app)
      .get('/api/v1/admin/bots/shop/threads/c2')
      .set('Authorization', t().admin)
      .expect(404);
    await chat({ threadId: 'c2', text: '/hello', context: { part9: 'y'.repeat(3000) } }).expect(
      200,
    );
    const audit = await request(t().app)
      .get('/api/v1/admin/audit?botId=shop')
      .set('Authorization', t().admin);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('thread.delete');
  });

  it('refuses a deeply nested body before parsing it, and a body that is not JSON', async () => {
    const deep = '['.repeat(1000) + ']'.repeat(1000);
    const res = await request(t().app)
      .post('/api/v1/bots/shop/chat')
      .set('Authorization', 'Bearer rest-key-123456')
      .set('Content-Type', 'application/json')
      .send(`{"threadId":"d","text":"hi","context":{"x":${deep}}}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('JSON_TOO_DEEP');
    const text = await request(t().app)
      .post('/api/v1/bots/shop/chat')
      .set('Authorization', 'Bearer rest-key-123456')
      .set('Content-Type', 'text/plain')
      .send('{"threadId":"d","text":"hi"}');
    expect(text.status).toBe(415);
    expect(text.body.detail).toMatch(/Content-Type: application\/json/);
  });

  it('renders object context values as JSON, never [object Object]', async () => {
    const res = await request(t().app)
      .post('/api/v1/admin/bots/shop/test-chat')
      .set('Authorization', t().admin)
      .send({ text: '/hello', context: { cart: { items: 2 } } })
      .expect(200);
    expect(res.body.messages[0].text).toBe('Hi {"items":2}');
  });

  it('does not let a zero-width character split an entity', async () => {
    const text = 'ticket TCK\u200b123 please';
    const res = await request(t().app)
      .post('/api/v1/admin/bots/shop/parse')
      .set('Authorization', t().admin)
      .send({ text })
      .expect(200);
    const ticket = res.body.entities.find((e: { name: string }) => e.name === 'ticket');
    expect(ticket).toMatchObject({ value: 'TCK123', begin: 7, end: 14 });
    expect(text.slice(ticket.begin, ticket.end)).toBe('TCK\u200b123');
  });

  it('answers an unreadable paging cursor with 422 naming it', async () => {
    const res = await request(t().app)
      .get('/api/v1/admin/bots/shop/threads?cursor=not-a-cursor')
      .set('Authorization', t().admin);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('query.cursor');
  });
});
