// Indexes in the loops below stay inside the arrays' bounds: `!` says so to TypeScript
// (noUncheckedIndexedAccess) and compiles away, so the loops run as plain JS.

/** The dense head's parameters, as `EmbeddingBagWeights` holds them. */
export interface HeadWeights {
  hiddenUnits: number;
  classes: number;
  hiddenBias: Float32Array;
  /** [hiddenUnits × classes] row-major. */
  outputWeights: Float32Array;
  outputBias: Float32Array;
}

export interface HeadOptions {
  dropout: number;
  labelSmoothing: number;
}

/**
 * The arrays one step writes, made once per training and reused: a 10k-example bot takes
 * thousands of steps, and fresh arrays per step were garbage that raised its peak memory.
 */
export interface HeadScratch {
  hidden: Float64Array;
  gate: Float64Array;
  dLogits: Float64Array;
  dBag: Float64Array;
  dHiddenBias: Float64Array;
  dOutputWeights: Float64Array;
  dOutputBias: Float64Array;
}

export function headScratch(w: HeadWeights, batchSize: number): HeadScratch {
  const H = w.hiddenUnits;
  const C = w.classes;
  return {
    hidden: new Float64Array(batchSize * H),
    gate: new Float64Array(batchSize * H),
    dLogits: new Float64Array(batchSize * C),
    dBag: new Float64Array(batchSize * H),
    dHiddenBias: new Float64Array(H),
    dOutputWeights: new Float64Array(H * C),
    dOutputBias: new Float64Array(C),
  };
}

/**
 * One batch's loss and the gradients of the head's parameters and of its input (the bag): views
 * of the scratch arrays, valid until the next step.
 */
export interface HeadGradients {
  loss: number;
  /** [batch × hiddenUnits]: d loss / d bag. */
  dBag: Float64Array;
  dHiddenBias: Float64Array;
  dOutputWeights: Float64Array;
  dOutputBias: Float64Array;
}

/**
 * Forward and backward pass of the classifier's head on one batch, in plain JS: hidden =
 * dropout(relu(bag + b₁)), logits = hidden·W₂ + b₂, loss = the batch mean of softmax cross-entropy
 * against label-smoothed one-hot targets (what `tf.losses.softmaxCrossEntropy` computes).
 * The head is small (64 × classes) and its batches are 32 rows: TF.js's CPU kernels spent more
 * in tensor bookkeeping and broadcasting than in arithmetic here (two thirds of a 300-intent
 * bot's training), and ReLU zeros let the products skip half the hidden units.
 * `random` draws the dropout mask (inverted dropout: kept units are scaled by 1 / (1 − rate)).
 */
export function headStep(
  w: HeadWeights,
  bag: Float32Array,
  labels: readonly number[],
  options: HeadOptions,
  random: () => number,
  scratch: HeadScratch = headScratch(w, labels.length),
): HeadGradients {
  const H = w.hiddenUnits;
  const C = w.classes;
  const B = labels.length;
  const keep = 1 - options.dropout;
  const hidden = scratch.hidden.fill(0).subarray(0, B * H);
  // Per hidden unit, d hidden / d pre-activation: 0 where ReLU or dropout zeroed it.
  const gate = scratch.gate.fill(0).subarray(0, B * H);
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) {
      const pre = bag[b * H + j]! + w.hiddenBias[j]!;
      const scale = options.dropout > 0 ? (random() < keep ? 1 / keep : 0) : 1;
      if (pre > 0 && scale > 0) {
        hidden[b * H + j] = pre * scale;
        gate[b * H + j] = scale;
      }
    }
  }

  const on = options.labelSmoothing / C;
  const hit = 1 - options.labelSmoothing + on;
  const dLogits = scratch.dLogits.subarray(0, B * C);
  let loss = 0;
  for (let b = 0; b < B; b++) {
    const logits = dLogits.subarray(b * C, (b + 1) * C);
    for (let c = 0; c < C; c++) logits[c] = w.outputBias[c]!;
    for (let j = 0; j < H; j++) {
      const h = hidden[b * H + j]!;
      if (h === 0) continue;
      const row = j * C;
      for (let c = 0; c < C; c++) logits[c]! += h * w.outputWeights[row + c]!;
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) max = Math.max(max, logits[c]!);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(logits[c]! - max);
    const logSum = max + Math.log(sum);
    const label = labels[b]!;
    for (let c = 0; c < C; c++) {
      const target = c === label ? hit : on;
      const logP = logits[c]! - logSum;
      loss -= target * logP;
      // Softmax cross-entropy's gradient, for the batch mean.
      logits[c] = (Math.exp(logP) - target) / B;
    }
  }

  const dOutputBias = scratch.dOutputBias.fill(0);
  const dOutputWeights = scratch.dOutputWeights.fill(0);
  const dBag = scratch.dBag.fill(0).subarray(0, B * H);
  for (let b = 0; b < B; b++) {
    const d = dLogits.subarray(b * C, (b + 1) * C);
    for (let c = 0; c < C; c++) dOutputBias[c]! += d[c]!;
    for (let j = 0; j < H; j++) {
      const g = gate[b * H + j]!;
      if (g === 0) continue;
      const h = hidden[b * H + j]!;
      const row = j * C;
      let back = 0;
      for (let c = 0; c < C; c++) {
        dOutputWeights[row + c]! += h * d[c]!;
        back += d[c]! * w.outputWeights[row + c]!;
      }
      dBag[b * H + j] = back * g;
    }
  }
  const dHiddenBias = scratch.dHiddenBias.fill(0);
  for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) dHiddenBias[j]! += dBag[b * H + j]!;
  return { loss: loss / B, dBag, dHiddenBias, dOutputWeights, dOutputBias };
}
