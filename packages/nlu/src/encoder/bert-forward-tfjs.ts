import * as tf from '@tensorflow/tfjs';
import type { BertWeights, LayerNormWeights, Linear } from './bert-weights.js';

interface DenseTensors {
  readonly kernel: tf.Tensor2D; // [in, out]
  readonly bias: tf.Tensor1D;
}
interface NormTensors {
  readonly gamma: tf.Tensor1D;
  readonly beta: tf.Tensor1D;
}
interface LayerTensors {
  readonly qkv: DenseTensors;
  readonly attentionOutput: DenseTensors;
  readonly attentionNorm: NormTensors;
  readonly intermediate: DenseTensors;
  readonly output: DenseTensors;
  readonly outputNorm: NormTensors;
}

/**
 * Sentence vectors of a batch of token sequences, one mean-pooled L2-normalised row each. Its
 * weights live as long as the process (one encoder per process, shared by every bot).
 */
export interface TfBertForward {
  embedBatch(batch: readonly Int32Array[]): Float32Array[];
}

/**
 * Copies the word-embedding row of each id into `out` (row k at k · hidden size): where the
 * word embeddings are read from when they are not a tensor (see `createTfBertForward`).
 */
export type WordRows = (ids: Int32Array, out: Float32Array) => void;

/**
 * BERT's forward pass in TF.js ops on whatever backend is active when it runs (the caller
 * picks WASM), for a padded batch with an attention mask, then sentence-transformers' mean
 * pooling over the unmasked tokens and L2 normalisation. The query, key and value projections
 * are one matrix product. With `wordRows`, the word embeddings (half of all-MiniLM-L6-v2's
 * weights, 47 MB) stay out of the WASM heap: a batch only needs the rows of its tokens.
 */
export function createTfBertForward(weights: BertWeights, wordRows?: WordRows): TfBertForward {
  const { config } = weights;
  const h = config.hidden_size;
  const heads = config.num_attention_heads;
  const d = h / heads;
  const eps = config.layer_norm_eps;
  // Kernels are laid out [in, out] here, in JS, so the WASM heap (which never shrinks) holds
  // only the weights and not the intermediates of a transpose. (Products with transposeB on
  // PyTorch's [out, in] layout were measured 8× slower: XNNPACK does not run them.)
  const dense = (...parts: Linear[]): DenseTensors => {
    const inSize = parts[0]!.inSize;
    const outSize = parts.reduce((sum, p) => sum + p.outSize, 0);
    const kernel = new Float32Array(inSize * outSize);
    const bias = new Float32Array(outSize);
    let column = 0;
    for (const part of parts) {
      for (let o = 0; o < part.outSize; o += 1) {
        for (let i = 0; i < inSize; i += 1) {
          kernel[i * outSize + column + o] = part.weight[o * inSize + i]!;
        }
      }
      bias.set(part.bias, column);
      column += part.outSize;
    }
    return { kernel: tf.tensor2d(kernel, [inSize, outSize]), bias: tf.tensor1d(bias) };
  };
  const norm = (n: LayerNormWeights): NormTensors => ({
    gamma: tf.tensor1d(n.gamma),
    beta: tf.tensor1d(n.beta),
  });
  const words = wordRows ? null : tf.tensor2d(weights.wordEmbeddings, [config.vocab_size, h]);
  const positions = tf.tensor2d(weights.positionEmbeddings, [config.max_position_embeddings, h]);
  const tokenType = tf.tensor1d(weights.tokenTypeEmbeddings.subarray(0, h));
  const embeddingNorm = norm(weights.embeddingNorm);
  const layers: LayerTensors[] = weights.layers.map((l) => ({
    qkv: dense(l.query, l.key, l.value),
    attentionOutput: dense(l.attentionOutput),
    attentionNorm: norm(l.attentionNorm),
    intermediate: dense(l.intermediate),
    output: dense(l.output),
    outputNorm: norm(l.outputNorm),
  }));
  const layerNorm = (x: tf.Tensor2D, { gamma, beta }: NormTensors): tf.Tensor2D => {
    const { mean, variance } = tf.moments(x, -1, true);
    return x.sub(mean).mul(variance.add(eps).rsqrt()).mul(gamma).add(beta);
  };
  const apply = (x: tf.Tensor2D, { kernel, bias }: DenseTensors): tf.Tensor2D =>
    tf.fused.matMul({ a: x, b: kernel, bias }) as tf.Tensor2D;

  const encoderLayer = (
    x: tf.Tensor2D,
    layer: LayerTensors,
    maskBias: tf.Tensor,
    b: number,
    n: number,
  ): tf.Tensor2D => {
    const qkv = apply(x, layer.qkv);
    const [q, k, v] = tf
      .split(qkv, 3, 1)
      .map((t) => t.reshape([b, n, heads, d]).transpose([0, 2, 1, 3])) as tf.Tensor4D[];
    const scores = tf
      .matMul(q!, k!, false, true)
      .mul(1 / Math.sqrt(d))
      .add(maskBias);
    const context = tf
      .matMul(tf.softmax(scores), v!)
      .transpose([0, 2, 1, 3])
      .reshape([b * n, h]) as tf.Tensor2D;
    const attended = layerNorm(apply(context, layer.attentionOutput).add(x), layer.attentionNorm);
    const inner = apply(attended, layer.intermediate);
    const gelu = inner.mul(0.5).mul(tf.erf(inner.mul(Math.SQRT1_2)).add(1)) as tf.Tensor2D;
    return layerNorm(apply(gelu, layer.output).add(attended), layer.outputNorm);
  };

  return {
    embedBatch(batch) {
      if (batch.length === 0) return [];
      const b = batch.length;
      const n = Math.max(...batch.map((ids) => ids.length));
      const ids = new Int32Array(b * n);
      const mask = new Float32Array(b * n);
      batch.forEach((seq, i) => {
        ids.set(seq, i * n);
        mask.fill(1, i * n, i * n + seq.length);
      });
      // One tidy per layer: the WASM heap grows to the peak of live tensors and never shrinks,
      // so a layer's intermediates are freed before the next layer runs.
      const maskTensor = tf.tensor2d(mask, [b, n]);
      // Padding gets a large negative score so softmax gives it no weight.
      const maskBias = tf.tidy(() => tf.sub(1, maskTensor).mul(-1e9).reshape([b, 1, 1, n]));
      let x = tf.tidy(() => {
        const rows = words
          ? tf.gather(words, tf.tensor1d(ids, 'int32'))
          : tf.tensor2d(lookUp(wordRows!, ids, h), [b * n, h]);
        const embedded = rows
          .reshape([b, n, h])
          .add(positions.slice([0, 0], [n, h]))
          .add(tokenType)
          .reshape([b * n, h]) as tf.Tensor2D;
        return layerNorm(embedded, embeddingNorm);
      });
      for (const layer of layers) {
        const next = tf.tidy(() => encoderLayer(x, layer, maskBias, b, n));
        x.dispose();
        x = next;
      }
      const pooled = tf.tidy(() => {
        const summed = x
          .reshape([b, n, h])
          .mul(maskTensor.reshape([b, n, 1]))
          .sum(1);
        return summed.div(tf.norm(summed, 'euclidean', 1, true).maximum(1e-12));
      });
      tf.dispose([x, maskTensor, maskBias]);
      const data = pooled.dataSync() as Float32Array;
      pooled.dispose();
      return batch.map((_, i) => data.slice(i * h, (i + 1) * h));
    },
  };
}

function lookUp(wordRows: WordRows, ids: Int32Array, h: number): Float32Array {
  const out = new Float32Array(ids.length * h);
  wordRows(ids, out);
  return out;
}
