import { OUT_OF_SCOPE_SHARE, OUT_OF_SCOPE_WEIGHT, outOfScopeWeight } from './out-of-fold.js';

/** The share of the weighted held-out messages that `outOfScope` stand-ins make up. */
function weighedShare(outOfScope: number, total: number): number {
  const weight = outOfScopeWeight(outOfScope, total);
  return (weight * outOfScope) / (weight * outOfScope + (total - outOfScope));
}

describe('the stand-in out-of-scope messages', () => {
  it('count half where a fold held out a tenth of the intents or less (56 or 64 intents)', () => {
    expect(outOfScopeWeight(600, 5600)).toBe(OUT_OF_SCOPE_WEIGHT);
    expect(outOfScopeWeight(600, 6400)).toBe(OUT_OF_SCOPE_WEIGHT);
  });

  it('weigh no more of the held-out messages in a bot of few intents than in a big one', () => {
    // One of 7 intents held out: counted half, they would weigh 7.7 % of the messages.
    expect(weighedShare(10, 70)).toBeCloseTo(OUT_OF_SCOPE_SHARE, 6);
    expect(weighedShare(20, 100)).toBeCloseTo(OUT_OF_SCOPE_SHARE, 6);
    expect(weighedShare(600, 5600)).toBeLessThanOrEqual(OUT_OF_SCOPE_SHARE);
    expect(outOfScopeWeight(10, 70)).toBeLessThan(OUT_OF_SCOPE_WEIGHT);
  });
});
