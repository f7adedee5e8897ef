import type { Row } from '../bench/bench-row.js';

/** A bench row with plausible figures, for the report modules' tests. */
export function benchRow(overrides: Partial<Row> = {}): Row {
  return {
    corpus: 'hwu64',
    system: 'parley',
    accuracy: 0.9,
    macroF1: 0.89,
    entityF1: 0.8,
    combinedF1: 0.85,
    inScopeAccuracy: null,
    oosRecall: null,
    thresholdSweep: null,
    fallbackSweep: [
      { threshold: 0.3, inScopeAccuracy: 0.9, fallbackRate: 0 },
      { threshold: 0.6, inScopeAccuracy: 0.85, fallbackRate: 0.08 },
    ],
    calibration: {
      ece: 0.05,
      threshold: 0.6,
      inScopeAccuracy: 0.9,
      inScopeAccuracyAtThreshold: 0.85,
      thresholdLoss: 0.05,
      fallbackRate: 0.08,
    },
    combined: { tp: 80, fp: 10, fn: 10 },
    correct: 90,
    total: 100,
    trainSeconds: 30,
    parseP50Ms: 1,
    parseP99Ms: 3,
    peakRssMb: 350,
    modelBytes: 1_000_000,
    stallMs: 20,
    seeds: [42],
    spread: {},
    ...overrides,
  };
}
