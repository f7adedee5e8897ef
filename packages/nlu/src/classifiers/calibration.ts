import { z } from 'zod';

/**
 * How the experts' scores become one confidence, fitted on out-of-fold predictions at training
 * time (see `out-of-fold.ts`):
 * - `pool`: one weight per expert; the pooled distribution is softmax(Σ weightₑ · scoreₑ),
 *   the weights chosen to minimise the log-loss of held-out messages. A product of experts
 *   whose temperature and mix come from the data instead of constants.
 * - `platt`: the confidence of the top intent, σ(w · features) (`plattFeatures`): the
 *   probability that it is right, fitted on held-out messages of known intents and of intents
 *   held out of a fold altogether (stand-ins for out-of-scope messages). Besides the pooled
 *   distribution it reads how much of the message the bot knows (coverage), whether the
 *   experts agree, and how close the message is to anything taught (a message far from every
 *   intent is out of scope however the softmax spreads).
 */
/** log p₁, log p₁ − log p₂, coverage, experts agreeing, best score of each expert, 1. */
export const PLATT_FEATURES = 9;

export const ZCalibration = z.object({
  pool: z.array(z.number()),
  platt: z.array(z.number()).length(PLATT_FEATURES),
});
export type Calibration = z.infer<typeof ZCalibration>;

/** Per held-out message: each expert's score per class. */
export interface ScoredExample {
  scores: Float32Array[];
  coverage: number;
}

const NEWTON_STEPS = 25;
/**
 * Pull of the fitted weights toward their prior (a quadratic penalty): worth a few examples, so a
 * small bot — whose held-out messages a handful of weights can separate perfectly — gets
 * confidences near the prior's instead of 0s and 1s, and a big bot's data decides.
 */
const PRIOR_STRENGTH = 2;
/** The confidence model before any data: about the top probability, damped by unknown words. */
export const PLATT_PRIOR = [1, 0, 2, 0, 0, 0, 0, 0, 0];

/** softmax(Σ weightₑ · scoreₑ) over the classes. */
export function pooledProbabilities(
  scores: readonly Float32Array[],
  weights: readonly number[],
): Float32Array {
  const classes = scores[0]!.length;
  const z = new Float32Array(classes);
  scores.forEach((s, e) => {
    const w = weights[e]!;
    if (w !== 0) for (let c = 0; c < classes; c++) z[c]! += w * s[c]!;
  });
  let max = -Infinity;
  for (const x of z) max = Math.max(max, x);
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < classes; c++) z[c]! /= sum;
  return z;
}

/** The features of the confidence model for one message. */
export function plattFeatures(p: Float32Array, example: ScoredExample): number[] {
  let first = 0;
  let second = 0;
  let top = 0;
  p.forEach((x, c) => {
    if (x > first) {
      second = first;
      first = x;
      top = c;
    } else if (x > second) second = x;
  });
  const log1 = Math.log(first + 1e-9);
  let agreeing = 0;
  const best = example.scores.map((s) => {
    let max = -Infinity;
    let arg = 0;
    s.forEach((x, c) => {
      if (x > max) {
        max = x;
        arg = c;
      }
    });
    if (arg === top) agreeing++;
    return max;
  });
  return [
    log1,
    log1 - Math.log(second + 1e-9),
    example.coverage,
    agreeing / example.scores.length,
    ...best,
    1,
  ];
}

export function plattConfidence(platt: readonly number[], features: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += platt[i]! * features[i]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Expert weights minimising the multinomial log-loss of `examples` (Newton's method on a
 * handful of parameters, pulled toward `start`; weights kept ≥ 0 so an expert can only be
 * trusted or ignored).
 */
export function fitPool(
  examples: readonly ScoredExample[],
  gold: readonly number[],
  start: readonly number[],
): number[] {
  const E = start.length;
  let w = [...start];
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const grad = new Float64Array(E);
    const hess = new Float64Array(E * E);
    examples.forEach((ex, n) => {
      const p = pooledProbabilities(ex.scores, w);
      const mean = new Float64Array(E);
      for (let e = 0; e < E; e++) {
        let m = 0;
        const s = ex.scores[e]!;
        for (let c = 0; c < p.length; c++) m += p[c]! * s[c]!;
        mean[e] = m;
        grad[e]! += m - s[gold[n]!]!;
      }
      for (let a = 0; a < E; a++) {
        for (let b = a; b < E; b++) {
          let cov = 0;
          const sa = ex.scores[a]!;
          const sb = ex.scores[b]!;
          for (let c = 0; c < p.length; c++) cov += p[c]! * sa[c]! * sb[c]!;
          hess[a * E + b]! += cov - mean[a]! * mean[b]!;
        }
      }
    });
    for (let a = 0; a < E; a++) for (let b = 0; b < a; b++) hess[a * E + b] = hess[b * E + a]!;
    for (let e = 0; e < E; e++) grad[e]! += PRIOR_STRENGTH * (w[e]! - start[e]!);
    const delta = solve(hess, grad, E, PRIOR_STRENGTH);
    const next = w.map((x, e) => Math.max(0, x - delta[e]!));
    const moved = next.reduce((s, x, e) => s + Math.abs(x - w[e]!), 0);
    w = next;
    if (moved < 1e-6) break;
  }
  return w;
}

/**
 * Logistic regression of `correct` on `features` (Newton's method, pulled toward `PLATT_PRIOR`),
 * each message counting `weights[n]` times (1 without weights).
 */
export function fitPlatt(
  features: ReadonlyArray<readonly number[]>,
  correct: readonly boolean[],
  weights?: readonly number[],
): number[] {
  const D = PLATT_FEATURES;
  let w = [...PLATT_PRIOR];
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const grad = new Float64Array(D);
    const hess = new Float64Array(D * D);
    features.forEach((f, n) => {
      const p = plattConfidence(w, f);
      const weight = weights?.[n] ?? 1;
      const r = weight * (p - (correct[n] ? 1 : 0));
      const v = weight * p * (1 - p);
      for (let a = 0; a < D; a++) {
        grad[a]! += r * f[a]!;
        for (let b = 0; b < D; b++) hess[a * D + b]! += v * f[a]! * f[b]!;
      }
    });
    for (let a = 0; a < D; a++) grad[a]! += PRIOR_STRENGTH * (w[a]! - PLATT_PRIOR[a]!);
    const delta = solve(hess, grad, D, PRIOR_STRENGTH);
    w = w.map((x, i) => x - delta[i]!);
    if (delta.reduce((s, x) => s + Math.abs(x), 0) < 1e-7) break;
  }
  return w;
}

/** Solves (H + ridge·I) x = g by Gaussian elimination with partial pivoting (tiny systems). */
function solve(h: Float64Array, g: Float64Array, n: number, ridge: number): number[] {
  const a = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => h[i * n + j]! + (i === j ? ridge : 0)),
    g[i]!,
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const d = a[col]![col]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / d;
      for (let k = col; k <= n; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/**
 * Expected calibration error: the mean gap between confidence and accuracy over 10
 * equal-width confidence bins, weighted by how many messages fall in each.
 */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const hits = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b]!++;
    conf[b]! += c;
    if (correct[i]) hits[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++)
    if (count[b]! > 0) ece += Math.abs(conf[b]! - hits[b]!) * (1 / confidences.length);
  return ece;
}
