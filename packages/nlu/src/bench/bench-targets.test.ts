import { benchTargets } from './bench-targets.js';
import { benchRow } from '../test-support/bench-row.js';

const goalsOf = (targets: ReturnType<typeof benchTargets>, corpus: string) =>
  targets.filter((t) => t.corpus === corpus).map((t) => [t.goal, t.ok]);

describe('benchTargets', () => {
  const rows = [
    benchRow({ corpus: 'hwu64', accuracy: 0.91, entityF1: 0.74, peakRssMb: 700 }),
    benchRow({ corpus: 'hwu64', system: 'nlp.js', accuracy: 0.78, calibration: null }),
    benchRow({ corpus: 'xsid-zh', entityF1: 0.68 }),
  ];

  it('checks the word-vector targets and budgets, and Parley against nlp.js', () => {
    const hwu = goalsOf(benchTargets(rows, { encoder: false }), 'hwu64');
    expect(hwu).toEqual(
      expect.arrayContaining([
        ['intent accuracy above nlp.js', true],
        ['intent accuracy >= 0.9', true],
        ['entity F1 >= 0.8', false],
        ['peak RSS <= 400 MB', false],
        ['parse p99 <= 5 ms', true],
      ]),
    );
  });

  it('holds the encoder to its own accuracy and budgets', () => {
    const hwu = goalsOf(benchTargets(rows, { encoder: true }), 'hwu64');
    expect(hwu).toEqual(
      expect.arrayContaining([
        ['intent accuracy >= 0.92', false],
        ['peak RSS <= 600 MB', false],
        ['parse p99 <= 25 ms', true],
      ]),
    );
    expect(hwu.map(([goal]) => goal)).not.toContain('intent accuracy >= 0.9');
  });

  it('asks every xSID corpus for entity F1 >= 0.75, and says nothing of corpora not run', () => {
    const targets = benchTargets(rows, { encoder: false });
    expect(goalsOf(targets, 'xsid-zh')).toContainEqual(['entity F1 >= 0.75', false]);
    expect(targets.some((t) => t.corpus === 'snips2017')).toBe(false);
  });

  it('reports the threshold loss in points', () => {
    const targets = benchTargets([benchRow({ corpus: 'xsid-de' })], { encoder: false });
    expect(targets.find((t) => t.goal.startsWith('in-scope loss'))).toMatchObject({
      measured: '5.0',
      ok: false,
    });
  });
});

describe('the corpora the NLU was built on', () => {
  it('may lose at most half a point of intent accuracy, and are not held to nlp.js', () => {
    const targets = benchTargets(
      [
        benchRow({ corpus: 'braun-webapps', accuracy: 0.808 }),
        benchRow({ corpus: 'braun-webapps', system: 'nlp.js', accuracy: 0.831 }),
        benchRow({ corpus: 'snips2017', accuracy: 0.98 }),
      ],
      { encoder: false },
    );
    expect(goalsOf(targets, 'braun-webapps')).toContainEqual([
      'intent accuracy >= 0.831 - 0.005 (before #18)',
      false,
    ]);
    expect(goalsOf(targets, 'snips2017')).toContainEqual([
      'intent accuracy >= 0.983 - 0.005 (before #18)',
      true,
    ]);
    expect(goalsOf(targets, 'braun-webapps').map(([goal]) => goal)).not.toContain(
      'intent accuracy above nlp.js',
    );
  });
});
