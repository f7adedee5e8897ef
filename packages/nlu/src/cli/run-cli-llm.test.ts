import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startFakeOpenAiServer,
  type FakeOpenAiServer,
} from '../llm/test-support/fake-openai-server.js';
import { smallBot } from '../test-support/small-bot.js';
import { runCli } from './run-cli.js';

describe('parley-nlu eval --pipeline llm|hybrid', () => {
  let dir: string;
  let llm: FakeOpenAiServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-nlu-llm-'));
    await writeFile(path.join(dir, 'train.json'), JSON.stringify(smallBot()));
    await writeFile(
      path.join(dir, 'test.json'),
      JSON.stringify([
        { text: 'hello bot', intent: 'greet', entities: [] },
        { text: 'sing me a lullaby about volcanoes', intent: 'oos', entities: [] },
      ]),
    );
    // The endpoint answers every message as a greeting, confidently.
    llm = await startFakeOpenAiServer(() => ({
      content: JSON.stringify({ intent: 'greet', entities: [] }),
      logprobs: () => -0.01,
    }));
  });
  afterAll(async () => {
    await llm.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  };

  it('measures the LLM alone on the same report keys', async () => {
    const report = path.join(dir, 'llm.json');
    const { code } = await run(
      'eval',
      '--train',
      path.join(dir, 'train.json'),
      '--test',
      path.join(dir, 'test.json'),
      '--pipeline',
      'llm',
      '--base-url',
      llm.baseUrl,
      '--model',
      'm',
      '--out',
      report,
    );
    expect(code).toBe(0);
    const r = JSON.parse(await readFile(report, 'utf8'));
    expect(r).toMatchObject({ pipeline: 'llm', llmCalls: 2, intent: { accuracy: 0.5 } });
  });

  it('asks the LLM in hybrid mode only where the local model is unsure', async () => {
    const report = path.join(dir, 'hybrid.json');
    const before = llm.requests.length;
    const { code } = await run(
      'eval',
      '--train',
      path.join(dir, 'train.json'),
      '--test',
      path.join(dir, 'test.json'),
      '--pipeline',
      'hybrid',
      '--base-url',
      llm.baseUrl,
      '--model',
      'm',
      '--out',
      report,
    );
    expect(code).toBe(0);
    const r = JSON.parse(await readFile(report, 'utf8'));
    expect(r.pipeline).toBe('hybrid');
    expect(llm.requests.length - before).toBe(r.llmCalls);
    expect(r.llmCalls).toBeLessThan(2);
  });

  it('explains what a non-local pipeline needs', async () => {
    const { code, err } = await run(
      'eval',
      '--train',
      'a.json',
      '--test',
      'b.json',
      '--pipeline',
      'llm',
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--base-url and --model');
  });
});
