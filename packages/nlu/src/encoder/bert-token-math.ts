/**
 * The small parts of BERT's forward pass, on plain arrays of token rows (row-major, one row per
 * token of a batch packed without padding). They cost little arithmetic but many TF.js ops
 * (about 60 of a layer's 70), and each op has a fixed cost of 10–30 µs in TF.js's engine that
 * exceeds its arithmetic at parse sizes; in JS they run in float64 and round once to float32.
 */

/** Where each sequence of a packed batch starts and how many tokens it has. */
export interface Span {
  readonly start: number;
  readonly length: number;
}

/** `rows` ← LayerNorm(`rows` + `residual`), row by row over `width` columns (in place). */
export function addAndNormalise(
  rows: Float32Array,
  residual: Float32Array | null,
  width: number,
  gamma: Float32Array,
  beta: Float32Array,
  eps: number,
): void {
  for (let base = 0; base < rows.length; base += width) {
    if (residual) for (let c = 0; c < width; c++) rows[base + c]! += residual[base + c]!;
    let sum = 0;
    for (let c = 0; c < width; c++) sum += rows[base + c]!;
    const mean = sum / width;
    let squares = 0;
    for (let c = 0; c < width; c++) {
      const centred = rows[base + c]! - mean;
      squares += centred * centred;
    }
    const scale = 1 / Math.sqrt(squares / width + eps);
    for (let c = 0; c < width; c++) {
      rows[base + c] = (rows[base + c]! - mean) * scale * gamma[c]! + beta[c]!;
    }
  }
}

/**
 * Multi-head scaled dot-product attention within each span: `qkv` holds each token's query,
 * key and value side by side (3 · `width` columns); the answer is each token's context, `width`
 * columns. A token attends only to the tokens of its own sequence, which is what BERT's
 * attention mask does to padding (its -1e9 scores weigh exactly 0 after softmax).
 */
export function attendWithinSpans(
  qkv: Float32Array,
  spans: readonly Span[],
  width: number,
  heads: number,
): Float32Array {
  const d = width / heads;
  const stride = 3 * width;
  const scale = 1 / Math.sqrt(d);
  const longest = Math.max(0, ...spans.map((s) => s.length));
  const weights = new Float64Array(longest);
  const sums = new Float64Array(d);
  const context = new Float32Array((qkv.length / stride) * width);
  for (const { start, length } of spans) {
    for (let head = 0; head < heads; head++) {
      const q0 = head * d;
      const k0 = width + head * d;
      const v0 = 2 * width + head * d;
      for (let i = 0; i < length; i++) {
        const q = (start + i) * stride + q0;
        let max = -Infinity;
        for (let j = 0; j < length; j++) {
          const k = (start + j) * stride + k0;
          let dot = 0;
          for (let c = 0; c < d; c++) dot += qkv[q + c]! * qkv[k + c]!;
          weights[j] = dot * scale;
          if (weights[j]! > max) max = weights[j]!;
        }
        let total = 0;
        for (let j = 0; j < length; j++) {
          weights[j] = Math.exp(weights[j]! - max);
          total += weights[j]!;
        }
        sums.fill(0);
        for (let j = 0; j < length; j++) {
          const v = (start + j) * stride + v0;
          const w = weights[j]! / total;
          for (let c = 0; c < d; c++) sums[c]! += w * qkv[v + c]!;
        }
        context.set(sums, (start + i) * width + head * d);
      }
    }
  }
  return context;
}

/** Each span's mean row, L2-normalised (sentence-transformers' mean pooling and Normalize). */
export function meanPoolNormalised(
  rows: Float32Array,
  spans: readonly Span[],
  width: number,
): Float32Array[] {
  return spans.map(({ start, length }) => {
    const sums = new Float64Array(width);
    for (let t = start; t < start + length; t++) {
      for (let c = 0; c < width; c++) sums[c]! += rows[t * width + c]!;
    }
    let squares = 0;
    for (let c = 0; c < width; c++) squares += sums[c]! * sums[c]!;
    // The mean and the sum have the same direction: dividing by the length would not survive
    // the normalisation.
    const norm = Math.max(Math.sqrt(squares), 1e-12);
    return Float32Array.from(sums, (s) => s / norm);
  });
}
