import type { SparseVector } from '../features/sparse-vectorizer.js';
import { yieldIfDue } from '../util/event-loop.js';
import { createPrng, shuffled } from '../util/prng.js';

// Indexes in the loops below stay inside the arrays' bounds: `!` says so to TypeScript
// (noUncheckedIndexedAccess) and compiles away, so the loops run as plain JS.

export interface LinearSoftmaxOptions {
  epochs: number;
  /** AdaGrad's step size: each weight moves by about this much over its first updates. */
  learningRate: number;
  /** L2 pull of every weight a message touches, per update. */
  l2: number;
  /** Share of each target spread evenly over the classes (its log-probabilities pool better when a confident mistake does not rule the right intent out). */
  labelSmoothing: number;
  seed: number;
}

/** A multinomial logistic regression over sparse features: one row of class weights per feature. */
export interface LinearSoftmaxWeights {
  inputSize: number;
  classes: number;
  /** [inputSize × classes] row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/**
 * Trains a multinomial logistic regression on the TF-IDF vectors the MLP reads, by AdaGrad SGD
 * one message at a time (seeded order). A linear model over the same features errs elsewhere
 * than the MLP: its weights are per feature and class, no hidden layer shares them, so a
 * feature seen with one intent only speaks for that intent. Pooled with the other experts it
 * corrects some of the MLP's confusions (hwu64, cross-validated on its training data: see the
 * package README).
 */
export async function trainLinearSoftmax(
  vectors: readonly SparseVector[],
  labelIds: readonly number[],
  inputSize: number,
  classes: number,
  options: LinearSoftmaxOptions,
): Promise<LinearSoftmaxWeights> {
  const C = classes;
  const weights = new Float32Array(inputSize * C);
  const bias = new Float32Array(C);
  // AdaGrad's sums of squared gradients: garbage once trained (as large as the weights).
  const g2 = new Float32Array(inputSize * C);
  const g2Bias = new Float32Array(C);
  const model = { inputSize, classes, weights, bias };
  const p = new Float32Array(C);
  const random = createPrng(options.seed);
  const order = vectors.map((_, i) => i);
  const { learningRate: eta, l2, labelSmoothing } = options;
  const spread = labelSmoothing / C;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(order, random)) {
      const v = vectors[i]!;
      probabilities(model, v, p);
      for (let c = 0; c < C; c++) p[c]! -= spread;
      p[labelIds[i]!]! -= 1 - labelSmoothing;
      for (let c = 0; c < C; c++) {
        const g = p[c]!;
        g2Bias[c]! += g * g;
        bias[c]! -= (eta * g) / Math.sqrt(g2Bias[c]! + 1e-8);
      }
      for (let k = 0; k < v.ids.length; k++) {
        const row = v.ids[k]! * C;
        const x = v.values[k]!;
        for (let c = 0; c < C; c++) {
          const at = row + c;
          const g = x * p[c]! + l2 * weights[at]!;
          g2[at]! += g * g;
          weights[at]! -= (eta * g) / Math.sqrt(g2[at]! + 1e-8);
        }
      }
      await yieldIfDue();
    }
  }
  return model;
}

/** Log-probabilities of the classes for one message. */
export function linearLogProbabilities(w: LinearSoftmaxWeights, v: SparseVector): Float32Array {
  const p = new Float32Array(w.classes);
  probabilities(w, v, p);
  for (let c = 0; c < p.length; c++) p[c] = Math.log(p[c]! + 1e-12);
  return p;
}

function probabilities(w: LinearSoftmaxWeights, v: SparseVector, out: Float32Array): void {
  const C = w.classes;
  out.set(w.bias);
  for (let k = 0; k < v.ids.length; k++) {
    const row = v.ids[k]! * C;
    const x = v.values[k]!;
    for (let c = 0; c < C; c++) out[c]! += x * w.weights[row + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < C; c++) max = Math.max(max, out[c]!);
  let sum = 0;
  for (let c = 0; c < C; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < C; c++) out[c]! /= sum;
}
