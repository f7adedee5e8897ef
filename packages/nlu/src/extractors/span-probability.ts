import { allowedEnd, allowedTransition } from './bilou.js';

// Indexes stay inside the arrays' bounds: `!` says so to TypeScript and compiles away.

/**
 * exp of a CRF's transition scores, (L + 1) × L (the last row: from the sentence start), 0 where
 * BILOU forbids the transition, and `ends[l]` 1 where a sentence may end with label l: computed
 * once per labeller, so that the forward-backward pass below multiplies instead of taking logs.
 */
export interface TransitionFactors {
  readonly factors: Float64Array;
  readonly ends: Float64Array;
}

export function transitionFactors(
  labels: readonly string[],
  transitions: ArrayLike<number>,
): TransitionFactors {
  const L = labels.length;
  const factors = new Float64Array((L + 1) * L);
  for (let p = 0; p <= L; p++)
    for (let l = 0; l < L; l++)
      if (allowedTransition(p < L ? labels[p] : undefined, labels[l]!))
        factors[p * L + l] = Math.exp(transitions[p * L + l]!);
  const ends = Float64Array.from(labels, (label) => (allowedEnd(label) ? 1 : 0));
  return { factors, ends };
}

/**
 * The CRF's forward and backward sums over the BILOU-valid labellings of one message, scaled
 * (Rabiner): each token's `alpha` row sums to 1 with `scale[t]` its factor, and emissions enter
 * as `exp(e − max)`; `logZ` is the log of the sum over every labelling of exp(its score).
 */
export interface ForwardBackward {
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** exp(emission − the token's largest emission), T × K. */
  readonly potentials: Float64Array;
  readonly scale: Float64Array;
  /** Sum of the last token's `alpha` over the labels a sentence may end with. */
  readonly final: number;
  readonly logZ: number;
}

/** `emissions[t][k]` scores `allowed[k]` (label ids) at token t. */
export function forwardBackward(
  emissions: readonly Float64Array[],
  allowed: readonly number[],
  { factors, ends }: TransitionFactors,
): ForwardBackward {
  const L = ends.length;
  const K = allowed.length;
  const T = emissions.length;
  const trans = new Float64Array(K * K);
  for (let j = 0; j < K; j++)
    for (let k = 0; k < K; k++) trans[j * K + k] = factors[allowed[j]! * L + allowed[k]!]!;
  const potentials = new Float64Array(T * K);
  let logZ = 0;
  for (let t = 0; t < T; t++) {
    const e = emissions[t]!;
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (e[k]! > max) max = e[k]!;
    for (let k = 0; k < K; k++) potentials[t * K + k] = Math.exp(e[k]! - max);
    logZ += max;
  }
  const alpha = new Float64Array(T * K);
  const beta = new Float64Array(T * K);
  const scale = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      let inflow = 0;
      if (t === 0) inflow = factors[L * L + allowed[k]!]!;
      else for (let j = 0; j < K; j++) inflow += alpha[(t - 1) * K + j]! * trans[j * K + k]!;
      const a = inflow * potentials[t * K + k]!;
      alpha[t * K + k] = a;
      sum += a;
    }
    scale[t] = sum;
    if (sum > 0) for (let k = 0; k < K; k++) alpha[t * K + k]! /= sum;
    logZ += Math.log(sum);
  }
  let final = 0;
  for (let k = 0; k < K; k++) {
    const end = ends[allowed[k]!]!;
    beta[(T - 1) * K + k] = end;
    final += alpha[(T - 1) * K + k]! * end;
  }
  for (let t = T - 2; t >= 0; t--) {
    const inv = 1 / scale[t + 1]!;
    for (let j = 0; j < K; j++) {
      let outflow = 0;
      for (let k = 0; k < K; k++)
        outflow += trans[j * K + k]! * potentials[(t + 1) * K + k]! * beta[(t + 1) * K + k]!;
      beta[t * K + j] = outflow * inv;
    }
  }
  return { alpha, beta, potentials, scale, final, logZ: logZ + Math.log(final) };
}

/**
 * The probability, over every labelling the CRF allows, that tokens `start…end − 1` carry
 * exactly the tags `path` gives them (`path` holds indexes into `allowed`): for an entity span,
 * how likely that entity with those bounds is, whatever the rest of the sentence is labelled.
 */
export function spanProbability(
  fb: ForwardBackward,
  allowed: readonly number[],
  { factors, ends }: TransitionFactors,
  path: readonly number[],
  { start, end }: { start: number; end: number },
): number {
  const L = ends.length;
  const K = allowed.length;
  let p = fb.alpha[start * K + path[start]!]!;
  for (let t = start + 1; t < end; t++) {
    const factor = factors[allowed[path[t - 1]!]! * L + allowed[path[t]!]!]!;
    p *= (factor * fb.potentials[t * K + path[t]!]!) / fb.scale[t]!;
  }
  p *= fb.beta[(end - 1) * K + path[end - 1]!]!;
  return fb.final > 0 ? Math.min(1, p / fb.final) : 0;
}
