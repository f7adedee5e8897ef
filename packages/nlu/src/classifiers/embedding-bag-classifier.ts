import type { SparseVector } from '../features/sparse-vectorizer.js';
import { yieldIfDue } from '../util/event-loop.js';
import { createPrng, shuffled } from '../util/prng.js';
import { grown } from '../util/scratch.js';
import { headScratch, headStep } from './mlp-head.js';
import type { HeadScratch } from './mlp-head.js';

// Indexes in the loops below stay inside the arrays' bounds: `!` says so to TypeScript
// (noUncheckedIndexedAccess) and compiles away, so the loops run as plain JS.

export interface EmbeddingBagOptions {
  hiddenUnits: number;
  /** A number, or 'auto': enough epochs for about `targetSteps` optimizer steps, clamped. */
  epochs: number | 'auto';
  batchSize: number;
  learningRate: number;
  dropout: number;
  featureDropout: number;
  labelSmoothing: number;
  seed: number;
}

/** The learnt weights; plain typed arrays so that parsing needs no TF.js at all. */
export interface EmbeddingBagWeights {
  inputSize: number;
  hiddenUnits: number;
  classes: number;
  /** [inputSize × hiddenUnits] row-major: one embedding row per sparse feature. */
  embedding: Float32Array;
  hiddenBias: Float32Array;
  /** [hiddenUnits × classes] row-major. */
  outputWeights: Float32Array;
  outputBias: Float32Array;
  /** Dimensions of the dense input (an encoder's vector; 0 = none). */
  denseSize: number;
  /** [denseSize × hiddenUnits] row-major: the dense input's projection into the hidden layer. */
  denseWeights: Float32Array;
}

export interface EpochReport {
  epoch: number;
  epochs: number;
  loss: number;
}

const TARGET_STEPS = 1200;
const MIN_EPOCHS = 4;
const MAX_EPOCHS = 40;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/**
 * Trains an embedding-bag MLP: sparse TF-IDF features → sum of feature embeddings → ReLU →
 * dropout → softmax, all in plain JS: the head and its gradients (including the gradient with
 * respect to the bag) in `headStep`, the sparse embedding table row by row with lazy Adam, since
 * a dense update of the whole table per step is far too slow on CPU. Everything is seeded, so
 * the same data and seed give the same weights on every machine.
 */
export async function trainEmbeddingBag(
  vectors: readonly SparseVector[],
  labelIds: readonly number[],
  inputSize: number,
  classes: number,
  options: EmbeddingBagOptions,
  onEpoch?: (report: EpochReport) => void,
  dense: readonly Float32Array[] | null = null,
): Promise<EmbeddingBagWeights> {
  const random = createPrng(options.seed);
  const H = options.hiddenUnits;
  const weights = await initWeights(inputSize, H, classes, dense?.[0]?.length ?? 0, random);
  const adam = createAdamState(weights);
  const batchSize = Math.max(1, Math.min(options.batchSize, vectors.length));
  const scratch = headScratch(weights, batchSize);
  const stepsPerEpoch = Math.ceil(vectors.length / batchSize);
  const epochs =
    options.epochs === 'auto'
      ? Math.min(MAX_EPOCHS, Math.max(MIN_EPOCHS, Math.ceil(TARGET_STEPS / stepsPerEpoch)))
      : options.epochs;
  const order = vectors.map((_, i) => i);
  let step = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let lossSum = 0;
    const perm = shuffled(order, random);
    for (let start = 0; start < perm.length; start += batchSize) {
      const batch = perm.slice(start, start + batchSize);
      step++;
      lossSum += trainStep(
        weights,
        adam,
        scratch,
        batch,
        vectors,
        dense,
        labelIds,
        options,
        random,
        step,
      );
      await yieldIfDue();
    }
    onEpoch?.({ epoch, epochs, loss: lossSum / stepsPerEpoch });
  }
  return weights;
}

function trainStep(
  w: EmbeddingBagWeights,
  adam: AdamState,
  scratch: HeadScratch,
  batch: number[],
  vectors: readonly SparseVector[],
  dense: readonly Float32Array[] | null,
  labelIds: readonly number[],
  options: EmbeddingBagOptions,
  random: () => number,
  step: number,
): number {
  const H = w.hiddenUnits;
  const B = batch.length;
  const bag = new Float32Array(B * H);
  if (dense) batch.forEach((example, b) => addDense(w, dense[example]!, bag, b * H));
  const kept = keptFeatures(batch, vectors);
  const keepScale = 1 / (1 - options.featureDropout);
  const embedding = w.embedding;
  batch.forEach((example, b) => {
    const v = vectors[example]!;
    const base = b * H;
    let n = kept.start[b]!;
    for (let k = 0; k < v.ids.length; k++) {
      if (options.featureDropout > 0 && random() < options.featureDropout) continue;
      const id = v.ids[k]!;
      const x = v.values[k]! * keepScale;
      kept.ids[n] = id;
      kept.values[n++] = x;
      const row = id * H;
      for (let j = 0; j < H; j++) bag[base + j]! += x * embedding[row + j]!;
    }
    kept.end[b] = n;
  });

  const { loss, dBag, dHiddenBias, dOutputWeights, dOutputBias } = headStep(
    w,
    bag,
    batch.map((i) => labelIds[i]!),
    options,
    random,
    scratch,
  );
  const lr = options.learningRate;
  adamDense(w.hiddenBias, dHiddenBias, adam.b1, step, lr);
  adamDense(w.outputWeights, dOutputWeights, adam.w2, step, lr);
  adamDense(w.outputBias, dOutputBias, adam.b2, step, lr);
  const live = liveUnits(dBag, B, H, adam);
  adamSparseRows(w, adam, kept, dBag, live, step, lr);
  if (dense) {
    const D = w.denseSize;
    const dWd = adam.denseGrad.fill(0);
    const { units, unitsAt } = live;
    batch.forEach((example, b) => {
      const x = dense[example]!;
      const base = b * H;
      const from = unitsAt[b]!;
      const to = unitsAt[b + 1]!;
      for (let i = 0; i < D; i++) {
        const xi = x[i]!;
        if (xi === 0) continue;
        const row = i * H;
        for (let u = from; u < to; u++) {
          const j = units[u]!;
          dWd[row + j]! += xi * dBag[base + j]!;
        }
      }
    });
    adamDense(w.denseWeights, dWd, adam.wd, step, lr);
  }
  return loss;
}

/** Adds the dense input's projection to the hidden pre-activation at `offset`. */
function addDense(
  w: EmbeddingBagWeights,
  x: Float32Array,
  out: Float32Array,
  offset: number,
): void {
  const H = w.hiddenUnits;
  for (let i = 0; i < w.denseSize; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const row = i * H;
    for (let j = 0; j < H; j++) out[offset + j]! += xi * w.denseWeights[row + j]!;
  }
}

interface Moments {
  m: Float32Array;
  v: Float32Array;
}
interface AdamState {
  embedding: Moments;
  b1: Moments;
  w2: Moments;
  b2: Moments;
  wd: Moments;
  /**
   * Scratch for one step's embedding-row gradients, one row per feature the batch touches
   * (grown on demand, reused across steps): a full-size table would cost as much memory as the
   * embedding itself (26 MB at 100k features × 64 units) for the few hundred rows a step uses.
   */
  rowGrad: Float32Array;
  /** Per feature, 1 + its row in `rowGrad` during a step, else 0. */
  slotOf: Int32Array;
  /** Scratch for one step's gradient of the dense projection ([denseSize × hiddenUnits]). */
  denseGrad: Float32Array;
  /** Scratch of `liveUnits`. */
  live: LiveUnits;
}

function moments(size: number): Moments {
  return { m: new Float32Array(size), v: new Float32Array(size) };
}

function createAdamState(w: EmbeddingBagWeights): AdamState {
  return {
    embedding: moments(w.embedding.length),
    b1: moments(w.hiddenBias.length),
    w2: moments(w.outputWeights.length),
    b2: moments(w.outputBias.length),
    wd: moments(w.denseWeights.length),
    rowGrad: new Float32Array(0),
    slotOf: new Int32Array(w.inputSize),
    denseGrad: new Float32Array(w.denseWeights.length),
    live: { units: new Int32Array(0), unitsAt: new Int32Array(0) },
  };
}

function adamDense(
  param: Float32Array,
  grad: Float32Array | Float64Array,
  s: Moments,
  step: number,
  lr: number,
): void {
  const c1 = 1 - BETA1 ** step;
  const c2 = 1 - BETA2 ** step;
  for (let i = 0; i < param.length; i++) adamUpdate(param, s, i, grad[i]!, c1, c2, lr);
}

function adamUpdate(
  p: Float32Array,
  s: Moments,
  i: number,
  g: number,
  c1: number,
  c2: number,
  lr: number,
): void {
  const m = BETA1 * s.m[i]! + (1 - BETA1) * g;
  const v = BETA2 * s.v[i]! + (1 - BETA2) * g * g;
  s.m[i] = m;
  s.v[i] = v;
  p[i]! -= (lr * (m / c1)) / (Math.sqrt(v / c2) + EPSILON);
}

/**
 * The features each example of a batch kept after feature dropout, with their scaled values:
 * example b's are at [start[b], end[b]). Flat typed arrays rather than an [id, value] pair per
 * feature: thousands of pairs per step, alive across minor GCs, made V8 pretenure them into the
 * old generation, which then grew by hundreds of MB of garbage between major GCs (peak RSS).
 * Values stay float64, exactly the numbers the pairs held.
 */
interface KeptFeatures {
  start: Int32Array;
  end: Int32Array;
  ids: Int32Array;
  values: Float64Array;
}

function keptFeatures(batch: readonly number[], vectors: readonly SparseVector[]): KeptFeatures {
  const start = new Int32Array(batch.length);
  let total = 0;
  batch.forEach((example, b) => {
    start[b] = total;
    total += vectors[example]!.ids.length;
  });
  return {
    start,
    end: new Int32Array(batch.length),
    ids: new Int32Array(total),
    values: new Float64Array(total),
  };
}

/**
 * Per example of the batch, the hidden units whose gradient is not zero (ReLU and dropout zero
 * about half): example b's are `units[unitsAt[b] .. unitsAt[b + 1]]`, in unit order. The
 * gradients of the embedding rows and of the dense projection only sum over these, which
 * skips adding zeros and changes no sum.
 */
interface LiveUnits {
  units: Int32Array;
  unitsAt: Int32Array;
}

function liveUnits(dBag: Float64Array, B: number, H: number, adam: AdamState): LiveUnits {
  const live = adam.live;
  live.units = grown(live.units, B * H);
  live.unitsAt = grown(live.unitsAt, B + 1);
  const { units, unitsAt } = live;
  let n = 0;
  for (let b = 0; b < B; b++) {
    unitsAt[b] = n;
    for (let j = 0; j < H; j++) if (dBag[b * H + j] !== 0) units[n++] = j;
  }
  unitsAt[B] = n;
  return live;
}

/** Lazy Adam: only the embedding rows of features present in the batch move. */
function adamSparseRows(
  w: EmbeddingBagWeights,
  adam: AdamState,
  kept: KeptFeatures,
  dBag: Float64Array,
  live: LiveUnits,
  step: number,
  lr: number,
): void {
  const H = w.hiddenUnits;
  const { slotOf } = adam;
  const { units, unitsAt } = live;
  // At most one row per kept feature: grow the scratch once, never per step.
  const rows = kept.ids.length;
  if (adam.rowGrad.length < rows * H) adam.rowGrad = new Float32Array(rows * H);
  const rowGrad = adam.rowGrad;
  const ids: number[] = [];
  for (let b = 0; b < kept.end.length; b++) {
    const base = b * H;
    const from = unitsAt[b]!;
    const to = unitsAt[b + 1]!;
    for (let n = kept.start[b]!; n < kept.end[b]!; n++) {
      const id = kept.ids[n]!;
      const x = kept.values[n]!;
      if (!slotOf[id]) {
        ids.push(id);
        slotOf[id] = ids.length;
      }
      const row = (slotOf[id]! - 1) * H;
      for (let u = from; u < to; u++) {
        const j = units[u]!;
        rowGrad[row + j]! += x * dBag[base + j]!;
      }
    }
  }
  const c1 = 1 - BETA1 ** step;
  const c2 = 1 - BETA2 ** step;
  const { embedding } = w;
  const embeddingMoments = adam.embedding;
  ids.sort((a, b) => a - b);
  for (const id of ids) {
    const at = id * H;
    const row = (slotOf[id]! - 1) * H;
    for (let j = 0; j < H; j++) {
      adamUpdate(embedding, embeddingMoments, at + j, rowGrad[row + j]!, c1, c2, lr);
      rowGrad[row + j] = 0;
    }
    slotOf[id] = 0;
  }
}

async function initWeights(
  inputSize: number,
  H: number,
  classes: number,
  denseSize: number,
  random: () => number,
): Promise<EmbeddingBagWeights> {
  const uniform = async (size: number, limit: number): Promise<Float32Array> => {
    const a = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      a[i] = (random() * 2 - 1) * limit;
      // Millions of draws for a big vocabulary: let the event loop turn now and then.
      if ((i & 0xffff) === 0) await yieldIfDue();
    }
    return a;
  };
  return {
    inputSize,
    hiddenUnits: H,
    classes,
    embedding: await uniform(inputSize * H, Math.sqrt(3 / H)),
    hiddenBias: new Float32Array(H),
    outputWeights: await uniform(H * classes, Math.sqrt(6 / (H + classes))),
    outputBias: new Float32Array(classes),
    denseSize,
    denseWeights: await uniform(denseSize * H, Math.sqrt(3 / H)),
  };
}

/** Class logits of one sparse vector, computed in plain JS (fast, no tensors per message). */
export function embeddingBagLogits(
  w: EmbeddingBagWeights,
  v: SparseVector,
  dense: Float32Array | null = null,
): Float32Array {
  const H = w.hiddenUnits;
  const hidden = Float32Array.from(w.hiddenBias);
  if (dense && w.denseSize > 0) addDense(w, dense, hidden, 0);
  for (let k = 0; k < v.ids.length; k++) {
    const row = v.ids[k]! * H;
    const x = v.values[k]!;
    for (let j = 0; j < H; j++) hidden[j]! += x * w.embedding[row + j]!;
  }
  const logits = Float32Array.from(w.outputBias);
  for (let j = 0; j < H; j++) {
    const h = hidden[j]!;
    if (h <= 0) continue;
    const row = j * w.classes;
    for (let c = 0; c < w.classes; c++) logits[c]! += h * w.outputWeights[row + c]!;
  }
  return logits;
}

export function softmax(logits: Float32Array, temperature = 1): Float32Array {
  let max = -Infinity;
  for (const l of logits) max = Math.max(max, l);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i]! - max) / temperature);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}
