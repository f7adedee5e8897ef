import type { NluParser, ParseResult } from '../types.js';
import { createHybridParser, type HybridDecision } from './hybrid-parser.js';
import { createLlmParser } from './llm-parser.js';
import { RESTAURANT_BOT, replyJson } from './test-support/fixtures.js';
import {
  findClosedPort,
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from './test-support/fake-openai-server.js';

/** A stand-in for the trained model: a keyword decides the intent and how sure it is. */
function keywordParser(table: Record<string, [intent: string, confidence: number]>): NluParser {
  return {
    async parse(text) {
      const hit = Object.entries(table).find(([keyword]) => text.toLowerCase().includes(keyword));
      const [name, confidence] = hit?.[1] ?? ['fallback', 0.1];
      return {
        intent: { name, confidence },
        ranking: [{ name, confidence }],
        entities: [],
        source: 'local',
      };
    },
  };
}

const LOCAL = keywordParser({ hello: ['greet', 0.95], table: ['book_table', 0.4] });

/** The LLM answers from the message text, as a model would. */
function answerByText(server: FakeOpenAiServer): void {
  server.setHandler(({ body }) => {
    const messages = body['messages'] as Array<{ content: string }>;
    const user = messages[1]?.content ?? '';
    if (user.includes('table')) return { content: replyJson('book_table', [], 1) };
    if (user.includes('order')) return { content: replyJson('order_status', [], 1) };
    return { content: replyJson('none', [], 0.2) };
  });
}

describe('HybridParser', () => {
  let server: FakeOpenAiServer;
  let decisions: HybridDecision[];

  beforeEach(async () => {
    server = await startFakeOpenAiServer();
    answerByText(server);
    decisions = [];
  });
  afterEach(() => server.close());

  const llmAt = (baseUrl: string) =>
    createLlmParser({
      bot: RESTAURANT_BOT,
      settings: { baseUrl, model: 'm', timeoutMs: 500 },
      options: { retries: 0, cacheSize: 0 },
    });
  const hybrid = (local: NluParser | null, llm = llmAt(server.baseUrl)) =>
    createHybridParser({ local, llm, threshold: 0.6, onDecision: (d) => decisions.push(d) });

  it('asks the LLM only for low-confidence messages', async () => {
    const parser = hybrid(LOCAL);
    const results = await Promise.all(
      ['hello there', 'hello again', 'a table please'].map((text) => parser.parse(text)),
    );

    expect(server.requests).toHaveLength(1);
    expect(results.map((r) => [r.intent.name, r.source])).toEqual([
      ['greet', 'local'],
      ['greet', 'local'],
      ['book_table', 'llm'],
    ]);
    expect(results[2]?.intent.confidence).toBeCloseTo(0.9);
  });

  it("passes on the local model's warnings", () => {
    const warned = { ...LOCAL, warnings: ['entity labeller trained with cities-list 0.0.1'] };
    expect(hybrid(warned).warnings).toEqual(['entity labeller trained with cities-list 0.0.1']);
    expect(hybrid(null).warnings).toEqual([]);
  });

  it('asks the LLM when no local model is trained', async () => {
    const result = await hybrid(null).parse('where is my order');
    expect(result).toMatchObject({ intent: { name: 'order_status' }, source: 'llm' });
    expect(decisions).toEqual([
      expect.objectContaining({ reason: 'no_local_model', llmAsked: true }),
    ]);
  });

  it('treats a local parser that reports source none as no local model', async () => {
    const untrained: NluParser = {
      parse: async (): Promise<ParseResult> => ({
        intent: { name: 'fallback', confidence: 0 },
        ranking: [],
        entities: [],
        source: 'none',
      }),
    };
    expect((await hybrid(untrained).parse('a table')).source).toBe('llm');
  });

  it('keeps the local answer when the LLM is down', async () => {
    const port = await findClosedPort();
    const result = await hybrid(LOCAL, llmAt(`http://127.0.0.1:${port}/v1`)).parse('a table');
    expect(result).toMatchObject({
      intent: { name: 'book_table', confidence: 0.4 },
      source: 'local',
    });
    expect(decisions[0]?.reason).toBe('llm_failed');
  });

  it('keeps the local answer when the LLM is less sure', async () => {
    // LLM: "none" at a self-reported 0.2 → calibrated 0.26, below the local 0.5
    const unsure = keywordParser({ odd: ['greet', 0.5] });
    const result = await hybrid(unsure).parse('something odd');
    expect(result).toMatchObject({ intent: { name: 'greet', confidence: 0.5 }, source: 'local' });
    expect(decisions[0]).toMatchObject({ reason: 'local_more_confident', llmAsked: true });
  });

  it('answers the fallback intent with source none when nothing can answer', async () => {
    const port = await findClosedPort();
    const result = await hybrid(null, llmAt(`http://127.0.0.1:${port}/v1`)).parse('hi');
    expect(result).toEqual({
      intent: { name: 'fallback', confidence: 0 },
      ranking: [],
      entities: [],
      source: 'none',
    });
  });

  it('survives a local parser that throws', async () => {
    const broken: NluParser = {
      parse: () => Promise.reject(new Error('model file missing')),
    };
    const errors: string[] = [];
    const parser = createHybridParser({
      local: broken,
      llm: llmAt(server.baseUrl),
      threshold: 0.6,
      onError: (_error, path) => errors.push(path),
    });
    expect((await parser.parse('a table')).source).toBe('llm');
    expect(errors).toEqual(['local']);
  });
});
