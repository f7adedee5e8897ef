import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { smallBot } from '../test-support/small-bot.js';
import { runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parley-nlu-cli-'));
  await writeFile(path.join(dir, 'train.json'), JSON.stringify(smallBot()));
  await writeFile(
    path.join(dir, 'test.json'),
    JSON.stringify([
      { text: 'hello bot', intent: 'greet', entities: [] },
      {
        text: 'weather in Lima',
        intent: 'weather',
        entities: [{ name: 'city', value: 'Lima', begin: 11, end: 15 }],
      },
      { text: 'order a [pizza]', intent: 'order_food', entities: [] },
      // Words no vocabulary holds: the report must count the fallback as out-of-scope recall,
      // whatever the classifier makes of real words (the bench measures that).
      { text: 'zorblat quixxel vrimp', intent: 'oos', entities: [] },
    ]),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
};

describe('parley-nlu', () => {
  it('eval writes a report with the documented keys', async () => {
    const { out, io: cli } = io();
    const report = path.join(dir, 'report.json');
    const code = await runCli(
      [
        'eval',
        '--train',
        path.join(dir, 'train.json'),
        '--test',
        path.join(dir, 'test.json'),
        '--out',
        report,
      ],
      cli,
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Intent accuracy/);
    const r = JSON.parse(await readFile(report, 'utf8'));
    expect(Object.keys(r.intent)).toEqual(
      expect.arrayContaining([
        'accuracy',
        'macroF1',
        'inScopeAccuracy',
        'oosRecall',
        'perIntent',
        'confusion',
      ]),
    );
    expect(Object.keys(r.entities)).toEqual(expect.arrayContaining(['precision', 'recall', 'f1']));
    for (const key of [
      'combinedF1',
      'trainSeconds',
      'parseP50Ms',
      'parseP99Ms',
      'peakRssMb',
      'modelBytes',
    ])
      expect(typeof r[key]).toBe('number');
    expect(r.intent.oosRecall).toBe(1);
    expect(r.intent.confusion.greet).toEqual({ greet: 1 });
    expect(r.modelBytes).toBeGreaterThan(1000);
  });

  it('cv cross-validates a bot file', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['cv', '--data', path.join(dir, 'train.json'), '--folds', '2'], cli)).toBe(
      0,
    );
    expect(out.join('\n')).toMatch(/Examples: 32 train, 32 test/);
  });

  it('explains its usage on a bad command', async () => {
    const { err, io: cli } = io();
    expect(await runCli(['eval', '--train', 'x.json'], cli)).toBe(2);
    expect(err.join('\n')).toMatch(/eval needs --train and --test/);
  });

  it('trains in the language it is given, and refuses one Parley does not support', async () => {
    const { out, io: cli } = io();
    const args = ['cv', '--data', path.join(dir, 'train.json'), '--folds', '2'];
    expect(await runCli([...args, '--language', 'de'], cli)).toBe(0);
    expect(out.join('\n')).toMatch(/Examples: 32 train, 32 test/);
    const { err, io: refused } = io();
    expect(await runCli([...args, '--language', 'tlh'], refused)).toBe(2);
    expect(err.join('\n')).toMatch(/--language tlh is not a supported language/);
  });
});
