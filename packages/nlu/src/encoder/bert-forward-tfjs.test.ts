import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTfBertForward } from './bert-forward-tfjs.js';
import type { WordRows } from './bert-forward-tfjs.js';
import { bertWeightsFrom, ZBertConfig } from './bert-weights.js';
import type { BertWeights, LayerNormWeights, Linear } from './bert-weights.js';
import { readSafetensors } from './safetensors.js';
import { writeTinyEncoder } from './test-support/write-tiny-encoder.js';
import { initWasmBackend, onWasm } from './wasm-backend.js';

// Abramowitz & Stegun 7.1.26, |error| ≤ 1.5e-7.
const erf = (x: number): number => {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return Math.sign(x) * (1 - poly * Math.exp(-x * x));
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** BERT and its pooling as the papers write them, one sequence, in float64. */
function textbookVector(
  w: BertWeights,
  ids: readonly number[],
  pooling: 'mean' | 'cls' = 'mean',
): number[] {
  const { hidden_size: h, num_attention_heads: heads, layer_norm_eps: eps } = w.config;
  const d = h / heads;
  const linear = (x: number[], l: Linear) =>
    Array.from({ length: l.outSize }, (_, o) =>
      x.reduce((sum, xi, i) => sum + xi * l.weight[o * l.inSize + i]!, l.bias[o]!),
    );
  const norm = (x: number[], n: LayerNormWeights) => {
    const m = mean(x);
    const sd = Math.sqrt(mean(x.map((a) => (a - m) ** 2)) + eps);
    return x.map((a, c) => ((a - m) / sd) * n.gamma[c]! + n.beta[c]!);
  };
  const at = (table: Float32Array, row: number) => Array.from(table.subarray(row * h, row * h + h));
  let x = ids.map((id, p) => {
    const position = at(w.positionEmbeddings, p);
    const summed = at(w.wordEmbeddings, id).map(
      (v, c) => v + position[c]! + w.tokenTypeEmbeddings[c]!,
    );
    return norm(summed, w.embeddingNorm);
  });
  for (const l of w.layers) {
    const [q, k, v] = [l.query, l.key, l.value].map((lin) => x.map((row) => linear(row, lin)));
    const context = x.map((_, i) =>
      Array.from({ length: h }, (_, col) => {
        const head = Math.floor(col / d);
        const cols = Array.from({ length: d }, (_, c) => head * d + c);
        const scores = x.map(
          (_, j) => cols.reduce((s, c) => s + q![i]![c]! * k![j]![c]!, 0) / Math.sqrt(d),
        );
        const top = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - top));
        return e.reduce((s, ej, j) => s + ej * v![j]![col]!, 0) / e.reduce((a, b) => a + b, 0);
      }),
    );
    const attended = x.map((row, i) =>
      norm(
        linear(context[i]!, l.attentionOutput).map((a, c) => a + row[c]!),
        l.attentionNorm,
      ),
    );
    const gelu = (u: number) => 0.5 * u * (1 + erf(u / Math.SQRT2));
    x = attended.map((row) =>
      norm(
        linear(linear(row, l.intermediate).map(gelu), l.output).map((a, c) => a + row[c]!),
        l.outputNorm,
      ),
    );
  }
  const pooled = pooling === 'cls' ? x.slice(0, 1) : x;
  const sums = Array.from({ length: h }, (_, c) => pooled.reduce((s, row) => s + row[c]!, 0));
  const length = Math.hypot(...sums);
  return sums.map((s) => s / length);
}

describe('createTfBertForward', () => {
  let dir: string;
  let weights: BertWeights;
  beforeAll(async () => {
    dir = await writeTinyEncoder(await mkdtemp(path.join(os.tmpdir(), 'bert-forward-')));
    const config = ZBertConfig.parse(
      JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')),
    );
    const read = bertWeightsFrom(
      readSafetensors(await readFile(path.join(dir, 'model.safetensors'))),
      config,
    );
    // The tiny model's norms are the identity; scaled and shifted ones show they are applied.
    const h = config.hidden_size;
    const varied = (k: number): LayerNormWeights => ({
      gamma: Float32Array.from({ length: h }, (_, c) => 0.5 + ((c * 7 + k) % 5) / 4),
      beta: Float32Array.from({ length: h }, (_, c) => ((c * 3 + k) % 7) / 10 - 0.3),
    });
    weights = {
      ...read,
      embeddingNorm: varied(1),
      layers: read.layers.map((l) => ({ ...l, attentionNorm: varied(2), outputNorm: varied(3) })),
    };
    await initWasmBackend();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const batch = [
    Int32Array.from([2, 7, 9, 3]),
    Int32Array.from([2, 11, 3]),
    Int32Array.from([2, 3]),
  ];

  it('gives the vectors of the textbook forward pass and mean pooling', () => {
    const vectors = onWasm(() => createTfBertForward(weights).embedBatch(batch));
    vectors.forEach((vector, i) => {
      const expected = textbookVector(weights, Array.from(batch[i]!));
      Array.from(vector).forEach((x, c) => expect(x).toBeCloseTo(expected[c]!, 5));
    });
  });

  it('gives the textbook [CLS] row with CLS pooling, another vector than the mean', () => {
    const cls = onWasm(() => createTfBertForward(weights, undefined, 'cls').embedBatch(batch));
    const mean = onWasm(() => createTfBertForward(weights).embedBatch(batch));
    cls.forEach((vector, i) => {
      const expected = textbookVector(weights, Array.from(batch[i]!), 'cls');
      Array.from(vector).forEach((x, c) => expect(x).toBeCloseTo(expected[c]!, 5));
      expect(Math.hypot(...Array.from(vector))).toBeCloseTo(1, 6);
      const cosine = Array.from(vector).reduce((s, x, c) => s + x * mean[i]![c]!, 0);
      expect(cosine).toBeLessThan(0.999);
    });
  });

  it('gives a sequence the same vector alone or in a batch of longer and shorter ones', () => {
    const forward = onWasm(() => createTfBertForward(weights));
    const together = onWasm(() => forward.embedBatch(batch));
    batch.forEach((seq, i) => {
      expect(Array.from(onWasm(() => forward.embedBatch([seq]))[0]!)).toEqual(
        Array.from(together[i]!),
      );
    });
  });

  it('refuses a sequence longer than the model has positions', () => {
    const forward = onWasm(() => createTfBertForward(weights));
    const tooLong = new Int32Array(weights.config.max_position_embeddings + 1).fill(5);
    expect(() => onWasm(() => forward.embedBatch([tooLong]))).toThrow(RangeError);
  });

  it('reads only the word-embedding rows of the batch’s tokens when they are outside TF.js', () => {
    const h = weights.config.hidden_size;
    const asked: number[] = [];
    const wordRows: WordRows = (ids, out) => {
      ids.forEach((id, k) => {
        asked.push(id);
        out.set(weights.wordEmbeddings.subarray(id * h, (id + 1) * h), k * h);
      });
    };
    const inMemory = onWasm(() => createTfBertForward(weights).embedBatch(batch));
    const outside = onWasm(() => createTfBertForward(weights, wordRows).embedBatch(batch));
    expect(outside.map((v) => Array.from(v))).toEqual(inMemory.map((v) => Array.from(v)));
    // One row per token: the batch is packed, without padding.
    expect(asked).toEqual([2, 7, 9, 3, 2, 11, 3, 2, 3]);
  });
});
