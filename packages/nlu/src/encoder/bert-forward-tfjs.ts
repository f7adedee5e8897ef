import * as tf from '@tensorflow/tfjs';
import type { BertWeights, LayerNormWeights, Linear } from './bert-weights.js';
import {
  addAndNormalise,
  attendWithinSpans,
  type Pooling,
  poolNormalised,
} from './bert-token-math.js';
import type { Span } from './bert-token-math.js';

interface DenseTensors {
  readonly kernel: tf.Tensor3D; // [1, in, out]
  readonly bias: tf.Tensor1D;
  readonly inSize: number;
  readonly outSize: number;
}
interface LayerTensors {
  readonly qkv: DenseTensors;
  readonly attentionOutput: DenseTensors;
  readonly attentionNorm: LayerNormWeights;
  readonly intermediate: DenseTensors;
  readonly output: DenseTensors;
  readonly outputNorm: LayerNormWeights;
}

/**
 * Sentence vectors of a batch of token sequences, one pooled L2-normalised row each. Its
 * weights live as long as the process (one encoder per process, shared by every bot).
 */
export interface TfBertForward {
  embedBatch(batch: readonly Int32Array[]): Float32Array[];
}

/**
 * Copies the word-embedding row of each id into `out` (row k at k · hidden size): where the
 * word embeddings are read from when they are not kept in memory (see `createTfBertForward`).
 */
export type WordRows = (ids: Int32Array, out: Float32Array) => void;

// GELU(u) = u/2 · (1 + erf(u/√2)). With v = u/√2 (the intermediate kernel and bias scaled by
// 1/√2), GELU(u) = (v + v · erf(v)) / √2, and the output kernel takes the last 1/√2: three ops
// on the WASM backend instead of five, and no scalar tensor created per call.
const INV_SQRT2 = Math.SQRT1_2;

/**
 * BERT's forward pass with sentence-transformers' pooling (the tokens' mean or the `[CLS]` row, as
 * the model was trained) and L2 normalisation. The four matrix products of each layer (query,
 * key and value as one) run on whatever TF.js backend is active (the caller picks WASM:
 * XNNPACK, SIMD); embeddings, attention, layer norms, residuals and pooling run in JS on the
 * token rows. A batch is packed without padding, each token attending to its own sequence only.
 * With `wordRows`, the word embeddings (half of all-MiniLM-L6-v2's weights, 47 MB) stay out of
 * memory: a batch reads the rows of its tokens.
 */
export function createTfBertForward(
  weights: BertWeights,
  wordRows?: WordRows,
  pooling: Pooling = 'mean',
): TfBertForward {
  const { config } = weights;
  const h = config.hidden_size;
  const heads = config.num_attention_heads;
  const eps = config.layer_norm_eps;
  // Kernels are laid out [in, out] here, in JS, so the WASM heap (which never shrinks) holds
  // only the weights and not the intermediates of a transpose. (Products with transposeB on
  // PyTorch's [out, in] layout were measured 8× slower: XNNPACK does not run them.)
  const dense = (parts: Linear[], kernelScale = 1, biasScale = kernelScale): DenseTensors => {
    const inSize = parts[0]!.inSize;
    const outSize = parts.reduce((sum, p) => sum + p.outSize, 0);
    const kernel = new Float32Array(inSize * outSize);
    const bias = new Float32Array(outSize);
    let column = 0;
    for (const part of parts) {
      for (let o = 0; o < part.outSize; o += 1) {
        for (let i = 0; i < inSize; i += 1) {
          kernel[i * outSize + column + o] = part.weight[o * inSize + i]! * kernelScale;
        }
        bias[column + o] = part.bias[o]! * biasScale;
      }
      column += part.outSize;
    }
    return {
      kernel: tf.tensor3d(kernel, [1, inSize, outSize]),
      bias: tf.tensor1d(bias),
      inSize,
      outSize,
    };
  };
  // Copies: views would keep the whole model file in memory.
  const norm = (n: LayerNormWeights): LayerNormWeights => ({
    gamma: n.gamma.slice(),
    beta: n.beta.slice(),
  });
  const positions = weights.positionEmbeddings.slice();
  const tokenType = weights.tokenTypeEmbeddings.slice(0, h);
  const embeddingNorm = norm(weights.embeddingNorm);
  const rowsOf = wordRows ?? rowsFromArray(weights.wordEmbeddings, h);
  const layers: LayerTensors[] = weights.layers.map((l) => ({
    qkv: dense([l.query, l.key, l.value]),
    attentionOutput: dense([l.attentionOutput]),
    attentionNorm: norm(l.attentionNorm),
    intermediate: dense([l.intermediate], INV_SQRT2),
    output: dense([l.output], INV_SQRT2, 1),
    outputNorm: norm(l.outputNorm),
  }));

  // The kernel itself: `tf.fused.matMul` would add three reshapes and a gradient wrapper.
  const matMul = (x: tf.Tensor3D, { kernel, bias }: DenseTensors): tf.Tensor3D =>
    tf.engine().runKernel(
      tf._FusedMatMul,
      { a: x, b: kernel, bias },
      {
        transposeA: false,
        transposeB: false,
        activation: 'linear',
      },
    ) as tf.Tensor3D;
  const read = (t: tf.Tensor): Float32Array => {
    const data = t.dataSync() as Float32Array;
    t.dispose();
    return data;
  };
  // XNNPACK multiplies rows four at a time, a lone row with another kernel at a third of the
  // cost of four: 4k + 1 rows cost less as 4k rows and one than as 4k + 4.
  const inParts = (
    x: Float32Array,
    width: number,
    outWidth: number,
    run: (part: Float32Array, rows: number) => tf.Tensor,
  ): Float32Array => {
    const rows = x.length / width;
    if (rows % 4 !== 1 || rows === 1) return read(run(x, rows));
    const out = new Float32Array(rows * outWidth);
    out.set(read(run(x.subarray(0, (rows - 1) * width), rows - 1)));
    out.set(read(run(x.subarray((rows - 1) * width), 1)), (rows - 1) * outWidth);
    return out;
  };
  const apply = (x: Float32Array, layer: DenseTensors): Float32Array =>
    inParts(x, layer.inSize, layer.outSize, (part, rows) =>
      tf.tidy(() => matMul(tf.tensor3d(part, [1, rows, layer.inSize]), layer)),
    );
  const feedForward = (x: Float32Array, layer: LayerTensors): Float32Array =>
    inParts(x, h, h, (part, rows) =>
      tf.tidy(() => {
        const v = matMul(tf.tensor3d(part, [1, rows, h]), layer.intermediate);
        return matMul(v.mul(tf.erf(v)).add(v), layer.output);
      }),
    );

  const embed = (ids: Int32Array, spans: readonly Span[]): Float32Array => {
    const x = new Float32Array(ids.length * h);
    rowsOf(ids, x);
    for (const { start, length } of spans) {
      for (let p = 0; p < length; p++) {
        const row = (start + p) * h;
        for (let c = 0; c < h; c++) x[row + c]! += positions[p * h + c]! + tokenType[c]!;
      }
    }
    addAndNormalise(x, null, h, embeddingNorm.gamma, embeddingNorm.beta, eps);
    return x;
  };

  return {
    embedBatch(batch) {
      if (batch.length === 0) return [];
      let start = 0;
      const spans = batch.map((seq) => {
        if (seq.length > config.max_position_embeddings) {
          throw new RangeError(
            `${seq.length} tokens, the model has ${config.max_position_embeddings} positions`,
          );
        }
        const span = { start, length: seq.length };
        start += seq.length;
        return span;
      });
      const ids = new Int32Array(start);
      batch.forEach((seq, i) => ids.set(seq, spans[i]!.start));
      let x = embed(ids, spans);
      for (const layer of layers) {
        const context = attendWithinSpans(apply(x, layer.qkv), spans, h, heads);
        const attended = apply(context, layer.attentionOutput);
        const { gamma, beta } = layer.attentionNorm;
        addAndNormalise(attended, x, h, gamma, beta, eps);
        x = feedForward(attended, layer);
        addAndNormalise(x, attended, h, layer.outputNorm.gamma, layer.outputNorm.beta, eps);
      }
      return poolNormalised(x, spans, h, pooling);
    },
  };
}

function rowsFromArray(embeddings: Float32Array, h: number): WordRows {
  const rows = embeddings.length / h;
  return (ids, out) => {
    ids.forEach((id, k) => {
      if (id < 0 || id >= rows) throw new RangeError(`no word embedding ${id}`);
      out.set(embeddings.subarray(id * h, (id + 1) * h), k * h);
    });
  };
}
