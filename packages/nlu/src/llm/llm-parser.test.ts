import { createLlmParser, type CreateLlmParserParams } from './llm-parser.js';
import type { LlmCallRecord, LlmParserEvent } from './llm-types.js';
import { RESTAURANT_BOT, replyJson } from './test-support/fixtures.js';
import {
  findClosedPort,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from './test-support/fake-openai-server.js';

const API_KEY = 'sk-test-SECRET-0123456789abcdef';

describe('ZeroShotLlmParser', () => {
  let server: FakeOpenAiServer;
  let calls: LlmCallRecord[];
  let events: LlmParserEvent[];

  beforeEach(async () => {
    server = await startFakeOpenAiServer();
    calls = [];
    events = [];
  });
  afterEach(() => server.close());

  const make = (overrides: Partial<CreateLlmParserParams> = {}) =>
    createLlmParser({
      bot: RESTAURANT_BOT,
      settings: { baseUrl: server.baseUrl, model: 'test-model', apiKey: API_KEY, timeoutMs: 1_000 },
      fallbackIntentId: 'fallback',
      options: { backoffBaseMs: 1, backoffMaxMs: 5, cacheSize: 0 },
      onCall: (call) => calls.push(call),
      onEvent: (event) => events.push(event),
      ...overrides,
    });

  it('understands a good reply: intent, located and normalized entities, calibrated confidence', async () => {
    server.enqueue({
      content: replyJson('book_table', [
        { type: 'city', text: 'nyc', value: 'NYC' },
        { type: 'sys.number', text: 'two', value: '2' },
      ]),
    });
    const message = 'Book a table in NYC for two';
    const outcome = await make().parseDetailed(message);

    expect(outcome).toMatchObject({
      kind: 'understood',
      confidenceSource: 'self_reported',
      cached: false,
    });
    expect(outcome.result.source).toBe('llm');
    expect(outcome.result.intent.name).toBe('book_table');
    expect(outcome.result.intent.confidence).toBeCloseTo(0.82);
    expect(outcome.result.entities).toEqual([
      {
        name: 'city',
        value: 'New York',
        raw: 'NYC',
        begin: 16,
        end: 19,
        extractor: 'llm',
        confidence: expect.any(Number),
      },
      {
        name: 'sys.number',
        value: 2,
        raw: 'two',
        begin: 24,
        end: 27,
        extractor: 'llm',
        confidence: expect.any(Number),
      },
    ]);
  });

  it('sends the model, the key, a JSON schema and a prompt built from the bot', async () => {
    server.enqueue({ content: replyJson('greet') });
    await make().parse('hello', { expectedEntity: 'city' });

    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.body).toMatchObject({
      model: 'test-model',
      logprobs: true,
      response_format: { type: 'json_schema', json_schema: { strict: true } },
    });
    const messages = request?.body['messages'] as Array<{ role: string; content: string }>;
    const system = messages[0]?.content ?? '';
    expect(system).toContain('book_table: Book a table — The user wants to reserve a table');
    expect(system).toContain('"reserve for two tonight"');
    expect(system).toContain('New York (NYC, big apple)');
    expect(system).toContain('sys.number');
    expect(system).not.toMatch(/^- fallback/m);
    expect(messages[1]?.content).toContain('entity type "city" with the question "In which city?"');
  });

  it('tells the model which language the user writes in, and resolves its numbers in it', async () => {
    server.enqueue({
      content: replyJson('book_table', [{ type: 'sys.number', text: 'zwei', value: 'zwei' }]),
    });
    const result = await make({ bot: { ...RESTAURANT_BOT, language: 'de-DE' } }).parse(
      'einen Tisch für zwei',
    );
    const messages = server.requests[0]?.body['messages'] as Array<{ content: string }>;
    expect(messages[0]?.content).toContain('The user writes in German (Germany) (de-DE)');
    expect(result.entities).toContainEqual(
      expect.objectContaining({ name: 'sys.number', raw: 'zwei', value: 2 }),
    );
  });

  it('computes confidence from the logprobs of the intent tokens when the server returns them', async () => {
    server.enqueue({
      content: replyJson('book_table'),
      logprobs: (token) => (token === 'book_table' ? -0.2 : -0.05),
    });
    const outcome = await make().parseDetailed('reserve please');

    expect(outcome).toMatchObject({ kind: 'understood', confidenceSource: 'logprobs' });
    // the intent token and its closing quote
    expect(outcome.result.intent.confidence).toBeCloseTo(Math.exp(-0.25), 5);
    expect(server.requests[0]?.body).toMatchObject({ logprobs: true, top_logprobs: 5 });
  });

  it('ranks runner-up intents from top_logprobs', async () => {
    server.enqueue({
      content: replyJson('book_table'),
      logprobs: (token) => (token === 'book_table' ? -0.4 : 0),
      alternatives: {
        book_table: [
          ['order_status', -1.2],
          ['unknown_thing', -2],
        ],
      },
    });
    const { result } = await make().parseDetailed('my table order');

    expect(result.ranking.map((score) => score.name)).toEqual(['book_table', 'order_status']);
    expect(result.ranking[1]?.confidence).toBeCloseTo(Math.exp(-1.2), 5);
  });

  it('uses the self-reported confidence when the server returns no logprobs', async () => {
    server.enqueue({ content: replyJson('greet', [], 1), logprobs: false });
    const outcome = await make().parseDetailed('hello');
    expect(outcome).toMatchObject({ kind: 'understood', confidenceSource: 'self_reported' });
    expect(outcome.result.intent.confidence).toBeCloseTo(0.9);
  });

  it('retries an invalid reply once with the validation error, then understands', async () => {
    server.enqueue({ content: 'Sure! The intent is greet.' }, { content: replyJson('greet') });
    const outcome = await make().parseDetailed('hello');

    expect(outcome.kind).toBe('understood');
    expect(server.requests).toHaveLength(2);
    const repair = server.requests[1]?.body['messages'] as Array<{ role: string; content: string }>;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: 'Sure! The intent is greet.' });
    expect(repair.at(-1)?.content).toContain('did not contain a JSON object');
    expect(calls.map((call) => call.purpose)).toEqual(['parse', 'repair']);
  });

  it('treats two invalid replies as not understood: fallback, confidence 0, source llm', async () => {
    server.enqueue({ content: '{"intent": ' }, { content: '{"entities": []}' });
    const outcome = await make().parseDetailed('hello');

    expect(outcome.kind).toBe('not_understood');
    expect(outcome.result).toEqual({
      intent: { name: 'fallback', confidence: 0 },
      ranking: [],
      entities: [],
      source: 'llm',
    });
    expect(events.filter((event) => event.type === 'invalid_reply')).toHaveLength(2);
  });

  it('maps an intent outside the list to the fallback with confidence 0, ranking what was said', async () => {
    server.enqueue({ content: replyJson('order_pizza', [], 1) });
    const outcome = await make().parseDetailed('a pizza please');

    expect(outcome.kind).toBe('unknown_intent');
    expect(outcome.result.intent).toEqual({ name: 'fallback', confidence: 0 });
    expect(outcome.result.ranking).toEqual([{ name: 'order_pizza', confidence: 0.9 }]);
    expect(events).toContainEqual({ type: 'unknown_intent', intent: 'order_pizza' });
  });

  it('maps "none" to the fallback intent', async () => {
    server.enqueue({ content: replyJson('none') });
    const { result } = await make().parseDetailed('what is the meaning of life');
    expect(result.intent.name).toBe('fallback');
    expect(result.source).toBe('llm');
  });

  it('retries a 429 with backoff, then succeeds', async () => {
    server.enqueue(
      { status: 429, headers: { 'retry-after-ms': '1' } },
      { content: replyJson('greet') },
    );
    const outcome = await make().parseDetailed('hi');

    expect(outcome.kind).toBe('understood');
    expect(calls.map((call) => call.outcome)).toEqual(['rate_limited', 'ok']);
  });

  it('gives up after the retries on 5xx and reports a failure with source none', async () => {
    server.enqueue({ status: 503 }, { status: 502 }, { status: 500 });
    const outcome = await make().parseDetailed('hi');

    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: { kind: 'server_error', status: 500 },
    });
    expect(outcome.result).toMatchObject({
      intent: { name: 'fallback', confidence: 0 },
      source: 'none',
    });
    expect(server.requests).toHaveLength(3);
  });

  it('falls back when the endpoint times out', async () => {
    server.enqueue({ delayMs: 2_000, content: replyJson('greet') });
    const started = Date.now();
    const outcome = await make({
      settings: { baseUrl: server.baseUrl, model: 'm', apiKey: API_KEY, timeoutMs: 150 },
    }).parseDetailed('hi');

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'timeout' } });
    expect(outcome.result.source).toBe('none');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('falls back when the connection is refused', async () => {
    const port = await findClosedPort();
    const parser = make({
      settings: { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'm', apiKey: API_KEY },
    });
    const outcome = await parser.parseDetailed('hi');

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'connection' } });
    expect(outcome.result.source).toBe('none');
  });

  it('opens the circuit after consecutive failures and lets one trial through after the cooldown', async () => {
    let now = 0;
    const parser = make({
      options: { retries: 0, cacheSize: 0, breaker: { failureThreshold: 2, cooldownMs: 1_000 } },
      clock: { now: () => now },
    });
    server.enqueue({ status: 500 }, { status: 500 }, { content: replyJson('greet') });

    await parser.parse('a');
    await parser.parse('b');
    const refused = await parser.parseDetailed('c');
    expect(refused).toMatchObject({ kind: 'failed', failure: { kind: 'circuit_open' } });
    expect(server.requests).toHaveLength(2);
    expect(parser.status().circuit).toBe('open');

    now = 1_500;
    expect((await parser.parseDetailed('d')).kind).toBe('understood');
    expect(parser.status().circuit).toBe('closed');
    expect(events.filter((event) => event.type === 'circuit_state')).toEqual([
      { type: 'circuit_state', state: 'open' },
      { type: 'circuit_state', state: 'half_open' },
      { type: 'circuit_state', state: 'closed' },
    ]);
  });

  it('answers a repeated text from the cache', async () => {
    server.setHandler(() => ({ content: replyJson('greet') }));
    const parser = make({ options: { cacheSize: 10 } });

    await parser.parse('hello');
    const second = await parser.parseDetailed('hello');
    expect(second).toMatchObject({ kind: 'understood', cached: true });
    expect(server.requests).toHaveLength(1);
  });

  it('keeps at most maxConcurrency calls in flight', async () => {
    server.setHandler(() => ({ delayMs: 30, content: replyJson('greet') }));
    const parser = make({ options: { maxConcurrency: 2, cacheSize: 0 } });

    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((text) => parser.parse(text)));
    expect(server.requests).toHaveLength(5);
    expect(server.peakConcurrency()).toBe(2);
  });

  it('fails fast as overloaded when too many calls wait for a slot', async () => {
    server.setHandler(() => ({ delayMs: 50, content: replyJson('greet') }));
    const parser = make({ options: { maxConcurrency: 1, maxQueued: 1, cacheSize: 0 } });

    const outcomes = await Promise.all(['a', 'b', 'c'].map((text) => parser.parseDetailed(text)));
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['understood', 'understood', 'failed']);
    expect(outcomes[2]).toMatchObject({
      failure: { kind: 'overloaded' },
      result: { source: 'none' },
    });
  });

  it('records latency and token usage per call', async () => {
    server.enqueue({ content: replyJson('greet') });
    await make().parse('hello');
    expect(calls).toEqual([
      expect.objectContaining({
        model: 'test-model',
        outcome: 'ok',
        promptTokens: 100,
        completionTokens: expect.any(Number),
        totalTokens: expect.any(Number),
        latencyMs: expect.any(Number),
      }),
    ]);
  });

  it('steps down to json_object when the server refuses json_schema, and remembers it', async () => {
    server.setHandler(({ body }) => {
      const format = body['response_format'] as { type?: string } | undefined;
      if (format?.type === 'json_schema')
        return {
          status: 400,
          body: { error: { message: 'response_format json_schema is not supported' } },
        };
      return { content: replyJson('greet') };
    });
    const parser = make();
    expect((await parser.parseDetailed('hi')).kind).toBe('understood');
    expect((await parser.parseDetailed('hello')).kind).toBe('understood');

    expect(
      server.requests.map((request) => (request.body['response_format'] as { type: string }).type),
    ).toEqual(['json_schema', 'json_object', 'json_object']);
    expect(parser.status().responseFormat).toBe('json_object');
  });

  it('never lets the API key out, even when the server echoes it in an error', async () => {
    server.enqueue({
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${API_KEY}` } },
    });
    const outcome = await make().parseDetailed('hi');

    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'http_error', status: 401 } });
    const reported = JSON.stringify({ outcome, calls, events });
    expect(reported).toContain('Incorrect API key provided');
    expect(reported).not.toContain(API_KEY);
    expect(reported).not.toContain('SECRET');
  });

  it('returns a failure instead of throwing when no model is configured', async () => {
    const parser = make({ settings: { baseUrl: server.baseUrl } });
    await expect(parser.parseDetailed('hi')).resolves.toMatchObject({
      kind: 'failed',
      failure: { kind: 'not_configured' },
      result: { source: 'none' },
    });
  });

  it('returns a failure instead of throwing when the base URL is not a URL', async () => {
    const parser = make({ settings: { baseUrl: 'not a url', model: 'm' } });
    await expect(parser.parseDetailed('hi')).resolves.toMatchObject({
      failure: { kind: 'not_configured' },
    });
  });

  it('returns a failure instead of throwing when the normalizer throws', async () => {
    server.enqueue({
      content: replyJson('book_table', [{ type: 'city', text: 'Paris', value: 'Paris' }]),
    });
    const parser = make({
      normalizer: {
        normalize: () => {
          throw new Error(`boom ${API_KEY}`);
        },
      },
    });
    const outcome = await parser.parseDetailed('to Paris');
    expect(outcome).toMatchObject({ kind: 'failed', failure: { kind: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain(API_KEY);
  });
});
