import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ConnectedStore } from '@parley/store';
import { startApiProcess, type ApiProcess } from '../../test-support/api-process.js';
import {
  startFakeGraphServer,
  type FakeGraphServer,
} from '../../test-support/fake-graph-server.js';
import { freePort } from '../../test-support/free-port.js';
import { connectTestStore, testDatabaseName } from '../../test-support/test-store.js';
import { PAGE_ID, postWebhook, webhookBody } from '../../test-support/messenger-webhook.js';

const APP_SECRET = 'replica-app-secret';
const PAGE_TOKEN = 'EAAB-replica-token';
const LEASE_MS = 1500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two real API processes (the entry point `npm start` runs) on one database, as two
 * replicas behind a load balancer would be.
 */
describe('Messenger on two API processes sharing one database', () => {
  const dbName = testDatabaseName('replicas');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-replicas-'));
  let graph: FakeGraphServer;
  let store: ConnectedStore;
  let first: ApiProcess;
  let second: ApiProcess;
  const killedLogs: string[] = [];
  /** The tool the bot calls; the first call never answers (the instance dies waiting). */
  const toolCalls: number[] = [];
  const tool = http.createServer((_req, res) => {
    toolCalls.push(Date.now());
    if (toolCalls.length === 1) return;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"delivered"}');
  });

  const env = (name: string) => ({
    MONGODB_URI: process.env.MONGODB_URI!,
    MONGODB_DB: dbName,
    DATA_DIR: path.join(dataDir, name),
    INSTANCE_ID: name,
    MESSENGER_GRAPH_URL: graph.url,
    MESSENGER_GRAPH_VERSION: graph.version,
    MESSENGER_LEASE_MS: String(LEASE_MS),
    MESSENGER_POLL_MS: '200',
    LOG_LEVEL: 'debug',
  });
  const texts = (sender: string) =>
    graph.delivered(sender).map((item) => (item.message as { text?: string }).text);
  const messageRequests = (sender: string) =>
    graph.requests.filter(
      (item) => (item.body.recipient as { id?: string }).id === sender && 'message' in item.body,
    );

  beforeAll(async () => {
    graph = await startFakeGraphServer({ tokens: [PAGE_TOKEN] });
    await new Promise<void>((resolve) => tool.listen(0, '127.0.0.1', resolve));
    const toolUrl = `http://127.0.0.1:${(tool.address() as AddressInfo).port}`;
    [first, second] = await Promise.all([
      startApiProcess(env('replica-a'), await freePort()),
      startApiProcess(env('replica-b'), await freePort()),
    ]);
    store = await connectTestStore('replicas', { dbName });
    const bot = await store.bots.get('default');
    await store.bots.updateSettings('default', {
      ...bot!.settings,
      toolCalls: { allowPrivateNetworks: true },
    });
    await store.intents.create('default', {
      intentId: 'greet',
      name: 'Greet',
      responses: ['Hello from a replica'],
    });
    await store.intents.create('default', {
      intentId: 'track',
      name: 'Track',
      toolCall: { url: `${toolUrl}/track`, timeoutMs: 30_000 },
      responses: ['Your parcel is {{result.status}}.'],
    });
    await store.integrations.upsert('default', 'messenger', {
      settings: { pageId: PAGE_ID, allowForcedIntents: true },
      secrets: { pageAccessToken: PAGE_TOKEN, appSecret: APP_SECRET, verifyToken: 'v' },
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await store?.db.dropDatabase();
    await store?.close();
    await graph?.close();
    tool.closeAllConnections();
    await new Promise((resolve) => tool.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a message delivered to both processes at once exactly once', async () => {
    const body = webhookBody([{ sender: 'both', text: '/greet', mid: 'm_both_1' }]);
    const answers = await Promise.all(
      [first, second, first, second].map((api) =>
        postWebhook(api.baseUrl, 'default', body, { appSecret: APP_SECRET }),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    await graph.waitFor(() => texts('both').length > 0);
    await pause(LEASE_MS + 500); // long enough for a second reply to show if there were one
    expect(texts('both')).toEqual(['Hello from a replica']);
    expect(await store.turns.listThread('default', `messenger:${PAGE_ID}:both`)).toHaveLength(1);
  }, 30_000);

  it('after a SIGKILL between the acknowledgement and the send, the other process sends the reply exactly once', async () => {
    const res = await postWebhook(
      first.baseUrl,
      'default',
      webhookBody([{ sender: 'crash', text: '/track', mid: 'm_crash_1' }]),
      { appSecret: APP_SECRET },
    );
    expect(res.status).toBe(200);
    // The first process is inside the tool call, before any send: kill it there.
    await graph.waitFor(() => toolCalls.length === 1);
    first.kill('SIGKILL');
    await first.exited;
    expect(messageRequests('crash')).toEqual([]);

    await graph.waitFor(() => texts('crash').length > 0, 15_000);
    await pause(LEASE_MS + 500);
    expect(texts('crash')).toEqual(['Your parcel is delivered.']);
    expect(messageRequests('crash')).toHaveLength(1);
    expect(toolCalls).toHaveLength(2);
    expect(await store.turns.listThread('default', `messenger:${PAGE_ID}:crash`)).toHaveLength(1);

    // A restarted first process finds nothing left to send.
    killedLogs.push(...first.logs);
    first = await startApiProcess(env('replica-a'), await freePort());
    await pause(LEASE_MS + 500);
    expect(messageRequests('crash')).toHaveLength(1);
  }, 60_000);

  it('logs a reply Graph refuses (400) once, as a warning, without retrying it', async () => {
    graph.failNextMessages(400);
    const res = await postWebhook(
      second.baseUrl,
      'default',
      webhookBody([{ sender: 'refused', text: '/greet', mid: 'm_refused_1' }]),
      { appSecret: APP_SECRET },
    );
    expect(res.status).toBe(200);
    await graph.waitFor(() => messageRequests('refused').length > 0);
    await pause(LEASE_MS + 500); // a retry, by either process, would show by now
    expect(messageRequests('refused').map((item) => item.status)).toEqual([400]);
    const warnings = [...first.logs, ...second.logs].filter((line) =>
      line.includes('Graph API refused a reply'),
    );
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({
      level: 40,
      event: 'm_refused_1',
      status: 400,
      code: 100,
    });
  }, 30_000);

  it('never logs the page token or the app secret, even at debug level', () => {
    const logs = [...killedLogs, ...first.logs, ...second.logs].join('\n');
    expect(logs).toContain('messenger: answered an event'); // they did log about their work
    expect(logs).not.toContain(PAGE_TOKEN);
    expect(logs).not.toContain(APP_SECRET);
  });
});
