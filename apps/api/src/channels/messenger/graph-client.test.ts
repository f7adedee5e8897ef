import {
  startFakeGraphServer,
  type FakeGraphServer,
} from '../../test-support/fake-graph-server.js';
import { createGraphClient, type GraphClient } from './graph-client.js';

const TOKEN = 'EAAB-page-token';

describe('GraphClient', () => {
  let graph: FakeGraphServer;
  let client: GraphClient;
  beforeAll(async () => {
    graph = await startFakeGraphServer({ tokens: [TOKEN] });
    client = createGraphClient({ baseUrl: graph.url, version: graph.version, retryBaseMs: 10 });
  });
  afterAll(() => graph.close());

  it('sends a RESPONSE message with the token in a header, never in the URL', async () => {
    const sent = await client.sendMessage(TOKEN, 'u1', { text: 'Hello' });
    expect(sent).toEqual({ ok: true, messageId: expect.stringMatching(/^m_/), retries: 0 });
    const request = graph.requests.at(-1)!;
    expect(request.token).toBe(TOKEN);
    expect(request.body).toEqual({
      recipient: { id: 'u1' },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello' },
    });
    expect(graph.delivered('u1').map((item) => item.message)).toEqual([{ text: 'Hello' }]);
  });

  it('retries a 500 and a rate limit (613), then delivers once', async () => {
    graph.failNextMessages(500, 613);
    const before = graph.requests.length;
    const sent = await client.sendMessage(TOKEN, 'u2', { text: 'again' });
    expect(sent).toMatchObject({ ok: true, retries: 2 });
    expect(graph.requests.length - before).toBe(3);
    expect(graph.delivered('u2')).toHaveLength(1);
  });

  it('does not retry another 4xx', async () => {
    graph.failNextMessages(400);
    const before = graph.requests.length;
    const sent = await client.sendMessage(TOKEN, 'u3', { text: 'nobody' });
    expect(sent).toMatchObject({ ok: false, kind: 'rejected', status: 400, code: 100, retries: 0 });
    expect(graph.requests.length - before).toBe(1);
  });

  it('reports a refused token (190) as such, without retrying', async () => {
    const before = graph.requests.length;
    const sent = await client.sendMessage('wrong-token', 'u4', { text: 'hi' });
    expect(sent).toMatchObject({ ok: false, kind: 'token', code: 190 });
    expect(graph.requests.length - before).toBe(1);
  });

  it('gives up after its retries when the server keeps failing, and on a dead server', async () => {
    graph.failNextMessages(500, 500, 500, 500);
    const sent = await client.sendMessage(TOKEN, 'u5', { text: 'down' });
    expect(sent).toMatchObject({ ok: false, kind: 'unavailable', status: 500, retries: 3 });
    const dead = createGraphClient({
      baseUrl: 'http://127.0.0.1:9',
      version: 'v23.0',
      retries: 1,
      retryBaseMs: 1,
    });
    expect(await dead.sendMessage(TOKEN, 'u5', { text: 'x' })).toMatchObject({
      ok: false,
      kind: 'unavailable',
      status: null,
      message: expect.stringMatching(/^network error/),
    });
  });

  it('sends a typing indicator as a sender action', async () => {
    expect(await client.senderAction(TOKEN, 'u6', 'typing_on')).toMatchObject({ ok: true });
    expect(graph.senderActions('u6')).toEqual(['typing_on']);
  });
});
