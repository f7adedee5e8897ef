import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTfBertForward } from './bert-forward-tfjs.js';
import type { WordRows } from './bert-forward-tfjs.js';
import { bertWeightsFrom, ZBertConfig } from './bert-weights.js';
import type { BertWeights } from './bert-weights.js';
import { readSafetensors } from './safetensors.js';
import { writeTinyEncoder } from './test-support/write-tiny-encoder.js';
import { initWasmBackend, onWasm } from './wasm-backend.js';

describe('createTfBertForward with the word embeddings outside TF.js', () => {
  let dir: string;
  let weights: BertWeights;
  beforeAll(async () => {
    dir = await writeTinyEncoder(await mkdtemp(path.join(os.tmpdir(), 'bert-forward-')));
    const config = ZBertConfig.parse(
      JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')),
    );
    weights = bertWeightsFrom(
      readSafetensors(await readFile(path.join(dir, 'model.safetensors'))),
      config,
    );
    await initWasmBackend();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives exactly the vectors of the embeddings as a tensor, padding included', () => {
    const h = weights.config.hidden_size;
    const asked: number[] = [];
    const wordRows: WordRows = (ids, out) => {
      ids.forEach((id, k) => {
        asked.push(id);
        out.set(weights.wordEmbeddings.subarray(id * h, (id + 1) * h), k * h);
      });
    };
    const batch = [Int32Array.from([2, 7, 9, 3]), Int32Array.from([2, 11, 3])];
    const inTensor = onWasm(() => createTfBertForward(weights).embedBatch(batch));
    const outside = onWasm(() => createTfBertForward(weights, wordRows).embedBatch(batch));
    expect(outside.map((v) => Array.from(v))).toEqual(inTensor.map((v) => Array.from(v)));
    // One row per position of the padded batch (2 × 4), the padding's id 0 included.
    expect(asked).toEqual([2, 7, 9, 3, 2, 11, 3, 0]);
  });
});
