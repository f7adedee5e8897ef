import { calibrateSelfReported, intentAlternatives, valueProbability } from './llm-confidence.js';

const tokens = (pieces: Array<[string, number]>) =>
  pieces.map(([token, logprob]) => ({ token, logprob }));

describe('valueProbability', () => {
  const reply = tokens([
    ['{"', 0],
    ['intent', 0],
    ['":"', 0],
    ['greet', -0.1],
    ['ing', -0.2],
    ['",', -0.3],
    ['"entities":[]}', 0],
  ]);

  it('sums the logprobs of the tokens spelling the value and its closing quote', () => {
    expect(valueProbability(reply, 'intent', 'greeting')).toBeCloseTo(Math.exp(-0.6), 6);
  });

  it('returns null when the tokens spell another value, so the caller falls back', () => {
    expect(valueProbability(reply, 'intent', 'greet')).toBeNull();
    expect(valueProbability([], 'intent', 'greeting')).toBeNull();
  });

  it('finds the n-th occurrence of a key', () => {
    const entities = tokens([
      ['{"value":"a"', -0.5],
      [',"value":"', 0],
      ['b', -1],
      ['"}', 0],
    ]);
    expect(valueProbability(entities, 'value', 'b', 1)).toBeCloseTo(Math.exp(-1), 6);
  });
});

describe('calibrateSelfReported', () => {
  const calibration = { prior: 0.5, weight: 0.8, cap: 0.95 };
  it.each([
    [1, 0.9],
    [0.9, 0.82],
    [0.5, 0.5],
    [0, 0.1],
    [undefined, 0.5],
  ])('maps a reported %p to %p', (reported, expected) => {
    expect(calibrateSelfReported(reported, calibration)).toBeCloseTo(expected, 6);
  });

  it('never exceeds the cap', () => {
    expect(calibrateSelfReported(1, { prior: 0.5, weight: 1, cap: 0.95 })).toBe(0.95);
  });
});

describe('intentAlternatives', () => {
  const ids = new Set(['greet', 'goodbye', 'book_table', 'book_taxi']);
  const reply = [
    { token: '{"intent":', logprob: 0 },
    {
      token: '"greet',
      logprob: -0.3,
      top: [
        { token: '"greet', logprob: -0.3 },
        { token: '"good', logprob: -1.5 },
        { token: '"book', logprob: -2 },
        { token: 'xyz', logprob: -3 },
      ],
    },
    { token: '"}', logprob: 0 },
  ];

  it('ranks the other intents that an alternative first token starts unambiguously', () => {
    const alternatives = intentAlternatives(reply, 'greet', ids);
    // "book" starts two intents: it cannot be attributed
    expect(alternatives).toEqual([
      { name: 'goodbye', confidence: expect.closeTo(Math.exp(-1.5), 6) },
    ]);
  });

  it('is empty without top logprobs', () => {
    expect(
      intentAlternatives(
        reply.map(({ token, logprob }) => ({ token, logprob })),
        'greet',
        ids,
      ),
    ).toEqual([]);
  });
});
