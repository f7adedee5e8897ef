import { averageSeeds, sampleSd } from './bench-row.js';
import { benchRow } from '../test-support/bench-row.js';

describe('averageSeeds', () => {
  it('averages the runs and keeps the sample standard deviation of the quality figures', () => {
    const row = averageSeeds([
      benchRow({ accuracy: 0.88, entityF1: 0.7, seeds: [42] }),
      benchRow({ accuracy: 0.9, entityF1: 0.74, seeds: [43] }),
      benchRow({ accuracy: 0.92, entityF1: 0.72, seeds: [44] }),
    ]);
    expect(row.accuracy).toBeCloseTo(0.9, 10);
    expect(row.entityF1).toBeCloseTo(0.72, 10);
    expect(row.spread.accuracy).toBeCloseTo(0.02, 10);
    expect(row.spread.entityF1).toBeCloseTo(0.02, 10);
    expect(row.seeds).toEqual([42, 43, 44]);
  });

  it('averages the sweeps point by point and the threshold loss', () => {
    const a = benchRow();
    const b = benchRow({
      fallbackSweep: [
        { threshold: 0.3, inScopeAccuracy: 0.8, fallbackRate: 0.1 },
        { threshold: 0.6, inScopeAccuracy: 0.75, fallbackRate: 0.2 },
      ],
      calibration: { ...a.calibration!, thresholdLoss: 0.09 },
    });
    const row = averageSeeds([a, b]);
    expect(row.fallbackSweep?.[1]).toEqual({
      threshold: 0.6,
      inScopeAccuracy: expect.closeTo(0.8, 10) as number,
      fallbackRate: expect.closeTo(0.14, 10) as number,
    });
    expect(row.calibration?.thresholdLoss).toBeCloseTo(0.07, 10);
    expect(row.spread.thresholdLoss).toBeCloseTo(sampleSd([0.05, 0.09]), 10);
  });

  it('gives no figure where a run has none (entity F1 of held-out bots)', () => {
    const row = averageSeeds([benchRow({ entityF1: null }), benchRow({ entityF1: 0.8 })]);
    expect(row.entityF1).toBeNull();
    expect(row.spread.entityF1).toBeUndefined();
  });
});

describe('sampleSd', () => {
  it('divides by n - 1 and is 0 for one value', () => {
    expect(sampleSd([1, 3])).toBeCloseTo(Math.SQRT2, 10);
    expect(sampleSd([5])).toBe(0);
  });
});
