import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { webhookEventId } from '@parley/store';
import { useComposedApp } from '../../test-support/composed-app.js';
import {
  startFakeGraphServer,
  type FakeGraphServer,
} from '../../test-support/fake-graph-server.js';
import { freePort } from '../../test-support/free-port.js';
import {
  PAGE_ID,
  postWebhook,
  webhookBody,
  type TestEvent,
} from '../../test-support/messenger-webhook.js';
import { messengerThreadId } from './event-processor.js';

const APP_SECRET = 'e2e-app-secret';
const VERIFY_TOKEN = 'e2e-verify-token';
const PAGE_TOKEN = 'EAAB-e2e-page-token';
const LONG_REPLY = Array.from({ length: 420 }, (_, i) => `word${i}`).join(' ');

// The Graph API's address goes into the app's configuration, before the servers start.
const GRAPH_PORT = await freePort();
const GRAPH_VERSION = 'v23.0';

describe('the Messenger webhook, end to end', () => {
  const composed = useComposedApp({
    MESSENGER_GRAPH_URL: `http://127.0.0.1:${GRAPH_PORT}`,
    MESSENGER_GRAPH_VERSION: GRAPH_VERSION,
    MESSENGER_LEASE_MS: '600',
    MESSENGER_POLL_MS: '100',
    PUBLIC_URL: 'https://bots.example.com',
  });
  let server: http.Server;
  let baseUrl = '';
  let graph: FakeGraphServer;
  /** A tool the bot calls that takes its time, so the reply is slow. */
  const slowTool = http.createServer((_req, res) => {
    setTimeout(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"shipped"}'),
      700,
    );
  });
  const admin = () => request(composed().app);
  const auth = () => composed().admin;

  beforeAll(async () => {
    graph = await startFakeGraphServer({
      tokens: [PAGE_TOKEN],
      port: GRAPH_PORT,
      version: GRAPH_VERSION,
    });
    await new Promise<void>((resolve) => slowTool.listen(0, '127.0.0.1', resolve));
    const toolUrl = `http://127.0.0.1:${(slowTool.address() as AddressInfo).port}`;
    server = composed().app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const bot = '/api/v1/admin/bots/default';
    await admin()
      .patch(bot)
      .set('Authorization', auth())
      .send({ toolCalls: { allowPrivateNetworks: true } })
      .expect(200);
    await admin()
      .post(`${bot}/entities`)
      .set('Authorization', auth())
      .send({ name: 'order_number', patterns: ['ORD\\d+'] })
      .expect(201);
    const intents = [
      { intentId: 'greet', name: 'Greet', responses: ['Hello from Parley'] },
      { intentId: 'long_reply', name: 'Long reply', responses: [LONG_REPLY] },
      {
        intentId: 'check_order',
        name: 'Check order',
        parameters: [
          { name: 'order_number', entity: 'order_number', prompt: 'Which order number?' },
        ],
        responses: ['Order {{parameters.order_number}} is on its way.'],
      },
      {
        intentId: 'note',
        name: 'Note',
        parameters: [{ name: 'n', prompt: 'What should I note?' }],
        responses: ['noted {{parameters.n}}'],
      },
      {
        intentId: 'slow_status',
        name: 'Slow status',
        toolCall: { url: `${toolUrl}/status` },
        responses: ['Status: {{result.status}}'],
      },
    ];
    for (const intent of intents)
      await admin().post(`${bot}/intents`).set('Authorization', auth()).send(intent).expect(201);
    await admin()
      .put(`${bot}/integrations/messenger`)
      .set('Authorization', auth())
      .send({
        settings: {
          pageId: PAGE_ID,
          allowForcedIntents: true,
          attachmentReply: 'I only read text, sorry!',
        },
        secrets: { pageAccessToken: PAGE_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN },
      })
      .expect(200);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await graph?.close();
    await new Promise((resolve) => slowTool.close(resolve));
  });

  /** Posts a signed delivery, expects the acknowledgement, and waits until it was handled. */
  async function deliver(...entries: TestEvent[][]): Promise<void> {
    const res = await postWebhook(baseUrl, 'default', webhookBody(...entries), {
      appSecret: APP_SECRET,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('EVENT_RECEIVED');
    await composed().deps.messenger.idle();
  }
  const texts = (sender: string) =>
    graph.delivered(sender).map((item) => (item.message as { text?: string }).text);
  const requestsTo = (sender: string) =>
    graph.requests.filter(
      (item) =>
        (item.body.recipient as { id?: string } | undefined)?.id === sender &&
        'message' in item.body,
    );
  const turnsOf = async (sender: string) => {
    const thread = encodeURIComponent(messengerThreadId(PAGE_ID, sender));
    const res = await admin()
      .get(`/api/v1/admin/bots/default/threads/${thread}`)
      .set('Authorization', auth())
      .expect(200);
    return res.body.turns as Array<{ userText: string; channel: string }>;
  };
  const messengerView = async () => {
    const res = await admin()
      .get('/api/v1/admin/bots/default/integrations')
      .set('Authorization', auth())
      .expect(200);
    return res.body.integrations.find((item: { channel: string }) => item.channel === 'messenger');
  };

  describe('verification handshake', () => {
    const handshake = (token: string, mode = 'subscribe') =>
      fetch(
        `${baseUrl}/api/v1/channels/messenger/default/webhook?hub.mode=${mode}&hub.verify_token=${token}&hub.challenge=1158201444`,
      );

    it('answers the challenge as plain text when the verify token matches', async () => {
      const res = await handshake(VERIFY_TOKEN);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('1158201444');
    });

    it('refuses a wrong token, another mode and an unknown bot with 403', async () => {
      expect((await handshake('wrong-token')).status).toBe(403);
      expect((await handshake(VERIFY_TOKEN, 'unsubscribe')).status).toBe(403);
      const unknown = await fetch(
        `${baseUrl}/api/v1/channels/messenger/nobot/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
      );
      expect(unknown.status).toBe(403);
    });
  });

  describe('signatures', () => {
    const sender = 'sig-sender';
    const body = webhookBody([{ sender, text: '/greet', mid: 'm_sig_1' }]);
    const raw = JSON.stringify(body);
    const sha1 = `sha1=${createHmac('sha1', APP_SECRET).update(raw).digest('hex')}`;

    it.each([
      ['a missing signature', raw, null],
      ['a malformed signature', raw, 'sha256=not-hex'],
      ['a SHA-1 signature only', raw, sha1],
      [
        'a signature made with another secret',
        raw,
        `sha256=${createHmac('sha256', 'other').update(raw).digest('hex')}`,
      ],
      [
        'a body re-serialised differently from the signed bytes',
        JSON.stringify(body, null, 2),
        `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`,
      ],
    ])('refuses %s with 403 and processes nothing', async (_case, sent, signature) => {
      const res = await postWebhook(baseUrl, 'default', sent, { signature });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      await composed().deps.messenger.idle();
      expect(requestsTo(sender)).toEqual([]);
      expect(
        await composed().deps.store.webhookEvents.get(
          webhookEventId('default', 'messenger', 'm_sig_1'),
        ),
      ).toBeNull();
    });

    it('refuses every delivery for a bot without an app secret, even one signed with an empty key', async () => {
      await admin()
        .post('/api/v1/admin/bots')
        .set('Authorization', auth())
        .send({ id: 'nosecret', name: 'No secret' });
      await admin()
        .put('/api/v1/admin/bots/nosecret/integrations/messenger')
        .set('Authorization', auth())
        .send({ secrets: { pageAccessToken: PAGE_TOKEN, verifyToken: VERIFY_TOKEN } })
        .expect(200);
      const res = await postWebhook(baseUrl, 'nosecret', raw, { appSecret: '' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/no Messenger app secret/);
    });

    it('answers 400 with field paths for a signed body that is not a webhook delivery', async () => {
      const res = await postWebhook(
        baseUrl,
        'default',
        { object: 'page', entry: [{ messaging: 'x' }] },
        { appSecret: APP_SECRET },
      );
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: Array<{ path: string }> };
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(
        expect.arrayContaining(['body.entry.0.id', 'body.entry.0.messaging']),
      );
    });
  });

  it('answers every event of every entry of a batch', async () => {
    await deliver(
      [
        { sender: 'batch-a', text: '/greet' },
        { sender: 'batch-b', text: '/note{"n":"b1"}' },
      ],
      [
        { sender: 'batch-a', text: '/note{"n":"a2"}' },
        { sender: 'batch-c', postback: '/greet' },
      ],
    );
    expect(texts('batch-a')).toEqual(['Hello from Parley', 'noted a2']);
    expect(texts('batch-b')).toEqual(['noted b1']);
    expect(texts('batch-c')).toEqual(['Hello from Parley']);
  });

  it('answers a message delivered twice once, even when both deliveries arrive at once', async () => {
    const twice = webhookBody([{ sender: 'dup', text: '/greet', mid: 'm_dup_1' }]);
    const [first, second] = await Promise.all([
      postWebhook(baseUrl, 'default', twice, { appSecret: APP_SECRET }),
      postWebhook(baseUrl, 'default', twice, { appSecret: APP_SECRET }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await composed().deps.messenger.idle();
    const again = await postWebhook(baseUrl, 'default', twice, { appSecret: APP_SECRET });
    expect(again.status).toBe(200);
    await composed().deps.messenger.idle();
    expect(texts('dup')).toEqual(['Hello from Parley']);
    expect(await turnsOf('dup')).toHaveLength(1);
  });

  it('ignores echoes, deliveries and read receipts, and counts them', async () => {
    await deliver([
      { sender: 'quiet', echo: true, text: '/greet' },
      { sender: 'quiet', delivery: true },
      { sender: 'quiet', read: true },
    ]);
    expect(requestsTo('quiet')).toEqual([]);
    const counted = await composed().deps.metrics.registry.getSingleMetricAsString(
      'parley_messenger_events_total',
    );
    for (const kind of ['echo', 'delivery', 'read'])
      expect(counted).toContain(`parley_messenger_events_total{bot="default",kind="${kind}"} 1`);
  });

  it('answers a postback with its intent and an attachment with the configured reply', async () => {
    await deliver([{ sender: 'tapper', postback: '/greet' }]);
    await deliver([{ sender: 'tapper', attachment: true }]);
    expect(texts('tapper')).toEqual(['Hello from Parley', 'I only read text, sorry!']);
  });

  it('with forced intents off (the default), lets only the welcome postback and offered quick replies force an intent', async () => {
    await admin()
      .post('/api/v1/admin/bots')
      .set('Authorization', auth())
      .send({ id: 'strict', name: 'Strict' })
      .expect(201);
    const intents = [
      { intentId: 'fallback', name: 'Fallback', responses: ['I did not get that.'] },
      {
        intentId: 'init_conversation',
        name: 'Welcome',
        responses: ['Welcome!'],
        quickReplies: [{ title: 'Greet me', payload: '/greet' }],
      },
      { intentId: 'greet', name: 'Greet', responses: ['Hello from Parley'] },
    ];
    for (const intent of intents)
      await admin()
        .post('/api/v1/admin/bots/strict/intents')
        .set('Authorization', auth())
        .send(intent)
        .expect(201);
    await admin()
      .put('/api/v1/admin/bots/strict/integrations/messenger')
      .set('Authorization', auth())
      .send({
        settings: { pageId: PAGE_ID },
        secrets: { pageAccessToken: PAGE_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN },
      })
      .expect(200);
    const send = async (event: TestEvent) => {
      const res = await postWebhook(baseUrl, 'strict', webhookBody([event]), {
        appSecret: APP_SECRET,
      });
      expect(res.status).toBe(200);
      await composed().deps.messenger.idle();
    };
    await send({ sender: 'strict-user', text: '/greet' });
    await send({ sender: 'strict-user', postback: '/init_conversation' });
    await send({ sender: 'strict-user', text: 'Greet me', quickReply: '/greet' });
    expect(texts('strict-user')).toEqual(['I did not get that.', 'Welcome!', 'Hello from Parley']);
    expect(graph.delivered('strict-user')[1]!.message.quick_replies).toEqual([
      { content_type: 'text', title: 'Greet me', payload: '/greet' },
    ]);
  });

  it('sends a 2,500-character reply as two messages, in order, losing no word', async () => {
    expect(LONG_REPLY.length).toBeGreaterThan(2400);
    await deliver([{ sender: 'long', text: '/long_reply' }]);
    const parts = texts('long');
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part!.length).toBeLessThanOrEqual(2000);
    expect(parts.join(' ')).toBe(LONG_REPLY);
  });

  it('fills a slot across several webhook calls', async () => {
    await deliver([{ sender: 'slots', text: '/check_order' }]);
    expect(texts('slots')).toEqual(['Which order number?']);
    await deliver([{ sender: 'slots', text: 'it is ORD4711' }]);
    expect(texts('slots')).toEqual(['Which order number?', 'Order ORD4711 is on its way.']);
    const turns = await turnsOf('slots');
    expect(turns.map((turn) => [turn.userText, turn.channel])).toEqual([
      ['/check_order', 'messenger'],
      ['it is ORD4711', 'messenger'],
    ]);
  });

  it('shows a typing indicator before a reply that waits for a tool call', async () => {
    await deliver([{ sender: 'patient', text: '/slow_status' }]);
    expect(texts('patient')).toEqual(['Status: shipped']);
    expect(graph.senderActions('patient')).toEqual(['typing_on']);
    const order = graph.requests
      .filter((item) => (item.body.recipient as { id?: string }).id === 'patient')
      .map((item) => ('sender_action' in item.body ? 'typing' : 'message'));
    expect(order).toEqual(['typing', 'message']);
  });

  describe('Graph API failures', () => {
    it('retries a 500 and delivers the reply exactly once', async () => {
      graph.failNextMessages(500);
      await deliver([{ sender: 'flaky', text: '/greet' }]);
      expect(requestsTo('flaky').map((item) => item.status)).toEqual([500, 200]);
      expect(texts('flaky')).toEqual(['Hello from Parley']);
    });

    it('does not retry a 400, and shows the error to the admin', async () => {
      graph.failNextMessages(400);
      await deliver([{ sender: 'refused', text: '/greet' }]);
      await new Promise((resolve) => setTimeout(resolve, 800)); // longer than the lease and a poll
      await composed().deps.messenger.idle();
      expect(requestsTo('refused').map((item) => item.status)).toEqual([400]);
      const view = await messengerView();
      expect(view.status.lastError).toMatch(/Graph API 400 \(code 100\)/);
      expect(view.status.healthy).toBe(true);
    });

    it('marks the integration unhealthy on a refused token (190), and healthy again once a send works', async () => {
      graph.failNextMessages(190);
      await deliver([{ sender: 'expired', text: '/greet' }]);
      expect(requestsTo('expired')).toHaveLength(1);
      const view = await messengerView();
      expect(view.status).toMatchObject({
        healthy: false,
        lastError: expect.stringMatching(/code 190/),
      });
      await deliver([{ sender: 'expired', text: '/greet' }]);
      expect((await messengerView()).status.healthy).toBe(true);
    });
  });

  it('answers an event left recorded but unanswered (its instance died) once its lease has passed', async () => {
    const threadId = messengerThreadId(PAGE_ID, 'orphan');
    await composed().deps.store.webhookEvents.record({
      botId: 'default',
      channel: 'messenger',
      eventId: 'm_orphan_1',
      threadId,
      timestamp: Date.now(),
      data: { kind: 'text', pageId: PAGE_ID, senderId: 'orphan', text: '/greet' },
    });
    await graph.waitFor(() => texts('orphan').length > 0, 5000);
    expect(texts('orphan')).toEqual(['Hello from Parley']);
  });

  it('answers an event whose turn was taken before its instance died with that turn’s reply, recording no second turn', async () => {
    const threadId = messengerThreadId(PAGE_ID, 'half-done');
    // The dead instance got as far as the dialogue: the turn is in the log, nothing was sent.
    const first = await composed().deps.dialogue.handleMessage({
      botId: 'default',
      threadId,
      text: '/note{"n":"once"}',
      channel: 'messenger',
      forcing: 'any',
      clientMessageId: 'm_half_1',
    });
    expect(first.ok).toBe(true);
    await composed().deps.store.webhookEvents.record({
      botId: 'default',
      channel: 'messenger',
      eventId: 'm_half_1',
      threadId,
      timestamp: Date.now(),
      data: { kind: 'text', pageId: PAGE_ID, senderId: 'half-done', text: '/note{"n":"once"}' },
    });
    await graph.waitFor(() => texts('half-done').length > 0, 5000);
    expect(texts('half-done')).toEqual(['noted once']);
    expect(await turnsOf('half-done')).toHaveLength(1);
  });

  it('keeps each sender’s replies in order with 5 senders × 10 interleaved messages', async () => {
    const senders = ['o1', 'o2', 'o3', 'o4', 'o5'];
    const start = Date.now();
    for (let n = 0; n < 10; n += 1) {
      for (const [i, sender] of senders.entries()) {
        const res = await postWebhook(
          baseUrl,
          'default',
          webhookBody([
            { sender, text: `/note{"n":"${sender}-${n}"}`, timestamp: start + n * 10 + i },
          ]),
          { appSecret: APP_SECRET },
        );
        expect(res.status).toBe(200);
      }
    }
    await graph.waitFor(() => senders.every((sender) => texts(sender).length === 10), 20_000);
    for (const sender of senders)
      expect(texts(sender)).toEqual(Array.from({ length: 10 }, (_, n) => `noted ${sender}-${n}`));
  });

  it('shows the admin the webhook path, the last event and whether signatures are checked, never a secret', async () => {
    const res = await admin()
      .get('/api/v1/admin/bots/default/integrations')
      .set('Authorization', composed().admin)
      .expect(200);
    const view = res.body.integrations.find(
      (item: { channel: string }) => item.channel === 'messenger',
    );
    expect(view.messenger).toEqual({
      webhookPath: '/api/v1/channels/messenger/default/webhook',
      webhookUrl: 'https://bots.example.com/api/v1/channels/messenger/default/webhook',
      signatureConfigured: true,
      verifyTokenConfigured: true,
      pageAccessTokenConfigured: true,
    });
    expect(Date.parse(view.status.lastEventAt)).toBeGreaterThan(Date.now() - 60_000);
    const text = JSON.stringify(res.body);
    for (const secret of [APP_SECRET, VERIFY_TOKEN, PAGE_TOKEN]) expect(text).not.toContain(secret);
  });
});
