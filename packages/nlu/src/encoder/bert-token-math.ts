/**
 * The small parts of BERT's forward pass, on plain arrays of token rows (row-major, one row per
 * token of a batch packed without padding). They cost little arithmetic but many TF.js ops
 * (about 60 of a layer's 70), and each op has a fixed cost of 10–60 µs in TF.js's engine that
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
  const longest = Math.max(0, ...spans.map((s) => s.length));
  const scratch = new Float64Array(QUERY_BLOCK * longest);
  const context = new Float32Array((qkv.length / (3 * width)) * width);
  for (const span of spans) {
    for (let head = 0; head < heads; head++) {
      for (let i = 0; i < span.length; i += QUERY_BLOCK) {
        attendBlock(qkv, context, span, i, head * (width / heads), width / heads, width, scratch);
      }
    }
  }
  return context;
}

// Queries attended together: each key and value element read is used four times, and four
// independent sums keep the CPU's floating-point pipeline full (one sum waits on itself).
const QUERY_BLOCK = 4;

/** Context of queries `first` … `first` + 3 of a span for the head whose columns start at `col`. */
function attendBlock(
  qkv: Float32Array,
  context: Float32Array,
  { start, length }: Span,
  first: number,
  col: number,
  d: number,
  width: number,
  w: Float64Array,
): void {
  const stride = 3 * width;
  const scale = 1 / Math.sqrt(d);
  const rows = Math.min(QUERY_BLOCK, length - first);
  // Past the span's end, a query stands in for the last one; its answer is not written.
  const q = (r: number) => (start + first + Math.min(r, rows - 1)) * stride + col;
  const [q0, q1, q2, q3] = [q(0), q(1), q(2), q(3)];
  const [w1, w2, w3] = [length, 2 * length, 3 * length];
  let [m0, m1, m2, m3] = [-Infinity, -Infinity, -Infinity, -Infinity];
  for (let j = 0; j < length; j++) {
    const k = (start + j) * stride + width + col;
    let [s0, s1, s2, s3] = [0, 0, 0, 0];
    for (let c = 0; c < d; c++) {
      const kc = qkv[k + c]!;
      s0 += qkv[q0 + c]! * kc;
      s1 += qkv[q1 + c]! * kc;
      s2 += qkv[q2 + c]! * kc;
      s3 += qkv[q3 + c]! * kc;
    }
    w[j] = s0 * scale;
    w[w1 + j] = s1 * scale;
    w[w2 + j] = s2 * scale;
    w[w3 + j] = s3 * scale;
    m0 = Math.max(m0, w[j]!);
    m1 = Math.max(m1, w[w1 + j]!);
    m2 = Math.max(m2, w[w2 + j]!);
    m3 = Math.max(m3, w[w3 + j]!);
  }
  let [t0, t1, t2, t3] = [0, 0, 0, 0];
  for (let j = 0; j < length; j++) {
    t0 += w[j] = Math.exp(w[j]! - m0);
    t1 += w[w1 + j] = Math.exp(w[w1 + j]! - m1);
    t2 += w[w2 + j] = Math.exp(w[w2 + j]! - m2);
    t3 += w[w3 + j] = Math.exp(w[w3 + j]! - m3);
  }
  const totals = [t0, t1, t2, t3];
  for (let c = 0; c < d; c++) {
    let [s0, s1, s2, s3] = [0, 0, 0, 0];
    for (let j = 0, v = start * stride + 2 * width + col + c; j < length; j++, v += stride) {
      const vc = qkv[v]!;
      s0 += w[j]! * vc;
      s1 += w[w1 + j]! * vc;
      s2 += w[w2 + j]! * vc;
      s3 += w[w3 + j]! * vc;
    }
    const sums = [s0, s1, s2, s3];
    for (let r = 0; r < rows; r++) {
      context[(start + first + r) * width + col + c] = sums[r]! / totals[r]!;
    }
  }
}

/** How a sentence's token rows become its vector: their mean, or the `[CLS]` row alone. */
export type Pooling = 'mean' | 'cls';

/**
 * Each span's pooled row, L2-normalised (sentence-transformers' Pooling and Normalize): the mean
 * of its rows, or its first row (`[CLS]`), as the model was trained.
 */
export function poolNormalised(
  rows: Float32Array,
  spans: readonly Span[],
  width: number,
  pooling: Pooling,
): Float32Array[] {
  return spans.map(({ start, length }) => {
    const sums = new Float64Array(width);
    const end = pooling === 'cls' ? start + 1 : start + length;
    for (let t = start; t < end; t++) {
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
