import type { CalibrationScores, FallbackPoint, ThresholdPoint } from '../eval/metrics.js';

/** One system on one corpus: what `bench:nlu` measures, or the mean of several seeds. */
export interface Row {
  corpus: string;
  system: 'parley' | 'nlp.js';
  accuracy: number;
  macroF1: number;
  entityF1: number | null;
  combinedF1: number | null;
  /** Only for test sets with out-of-scope messages, at the bot default threshold. */
  inScopeAccuracy: number | null;
  oosRecall: number | null;
  thresholdSweep: ThresholdPoint[] | null;
  /** In-scope accuracy and fallback rate over thresholds (Parley only). */
  fallbackSweep: FallbackPoint[] | null;
  /** Calibration at the bot threshold (Parley only): see `scoreCalibration`. */
  calibration: CalibrationScores | null;
  /** Raw counts, to pool corpora (Braun). */
  combined: { tp: number; fp: number; fn: number } | null;
  correct: number;
  total: number;
  trainSeconds: number;
  parseP50Ms: number;
  parseP99Ms: number;
  peakRssMb: number;
  modelBytes: number | null;
  /** Longest time the event loop could not run a 10 ms timer during training and parsing. */
  stallMs: number | null;
  /** The seeds averaged into this row (one for a single run; none for nlp.js, which has none). */
  seeds: number[];
  /** Sample standard deviation over the seeds of the figures that vary with them. */
  spread: Partial<Record<SpreadFigure, number>>;
}

/** The figures whose seed variance the bench reports. */
export type SpreadFigure =
  'accuracy' | 'entityF1' | 'inScopeAccuracy' | 'oosRecall' | 'ece' | 'thresholdLoss';

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Sample standard deviation (n − 1); 0 for a single value. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

function meanOrNull(xs: ReadonlyArray<number | null>): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === xs.length && known.length > 0 ? mean(known) : null;
}

/** Point-wise mean of sweeps taken at the same thresholds. */
function meanSweep<T extends { threshold: number }>(
  sweeps: ReadonlyArray<T[] | null>,
  keys: ReadonlyArray<Exclude<keyof T, 'threshold'>>,
): T[] | null {
  const first = sweeps[0];
  if (!first || sweeps.some((s) => s === null)) return null;
  return first.map((point, i) => {
    const out = { ...point };
    for (const key of keys)
      (out as Record<string, unknown>)[key as string] = mean(
        sweeps.map((s) => (s as T[])[i]![key] as number),
      );
    return out;
  });
}

/**
 * The mean of one system's runs on one corpus with different seeds, with the sample standard
 * deviation of the quality figures; timings and memory are means too.
 */
export function averageSeeds(runs: readonly Row[]): Row {
  const first = runs[0];
  if (!first) throw new Error('averageSeeds needs at least one run');
  const of = (f: (r: Row) => number): number => mean(runs.map(f));
  const spreadOf = (f: (r: Row) => number | null): number | undefined => {
    const xs = runs.map(f);
    return xs.every((x) => x !== null) ? sampleSd(xs as number[]) : undefined;
  };
  const calibrations = runs.map((r) => r.calibration);
  const calibration = calibrations.every((c): c is CalibrationScores => c !== null)
    ? {
        ...first.calibration!,
        ece: mean(calibrations.map((c) => c.ece)),
        inScopeAccuracy: mean(calibrations.map((c) => c.inScopeAccuracy)),
        inScopeAccuracyAtThreshold: mean(calibrations.map((c) => c.inScopeAccuracyAtThreshold)),
        thresholdLoss: mean(calibrations.map((c) => c.thresholdLoss)),
        fallbackRate: mean(calibrations.map((c) => c.fallbackRate)),
      }
    : null;
  const spread: Row['spread'] = {};
  const figures: Array<[SpreadFigure, (r: Row) => number | null]> = [
    ['accuracy', (r) => r.accuracy],
    ['entityF1', (r) => r.entityF1],
    ['inScopeAccuracy', (r) => r.inScopeAccuracy],
    ['oosRecall', (r) => r.oosRecall],
    ['ece', (r) => r.calibration?.ece ?? null],
    ['thresholdLoss', (r) => r.calibration?.thresholdLoss ?? null],
  ];
  for (const [name, f] of figures) {
    const sd = spreadOf(f);
    if (sd !== undefined) spread[name] = sd;
  }
  const combined = runs.every((r) => r.combined)
    ? {
        tp: of((r) => r.combined!.tp),
        fp: of((r) => r.combined!.fp),
        fn: of((r) => r.combined!.fn),
      }
    : null;
  return {
    ...first,
    accuracy: of((r) => r.accuracy),
    macroF1: of((r) => r.macroF1),
    entityF1: meanOrNull(runs.map((r) => r.entityF1)),
    combinedF1: meanOrNull(runs.map((r) => r.combinedF1)),
    inScopeAccuracy: meanOrNull(runs.map((r) => r.inScopeAccuracy)),
    oosRecall: meanOrNull(runs.map((r) => r.oosRecall)),
    thresholdSweep: meanSweep(
      runs.map((r) => r.thresholdSweep),
      ['inScopeAccuracy', 'oosRecall'],
    ),
    fallbackSweep: meanSweep(
      runs.map((r) => r.fallbackSweep),
      ['inScopeAccuracy', 'fallbackRate'],
    ),
    calibration,
    combined,
    correct: of((r) => r.correct),
    trainSeconds: of((r) => r.trainSeconds),
    parseP50Ms: of((r) => r.parseP50Ms),
    parseP99Ms: of((r) => r.parseP99Ms),
    peakRssMb: Math.round(of((r) => r.peakRssMb)),
    modelBytes: meanOrNull(runs.map((r) => r.modelBytes)),
    stallMs: ((ms) => (ms === null ? null : Math.round(ms)))(
      meanOrNull(runs.map((r) => r.stallMs)),
    ),
    seeds: runs.flatMap((r) => r.seeds),
    spread,
  };
}
