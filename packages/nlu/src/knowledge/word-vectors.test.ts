import { statSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createPrng } from '../util/prng.js';
import { quantize, trainProductQuantizer } from './product-quantizer.js';
import { normalise } from './spherical-kmeans.js';
import {
  formatWordVectors,
  parseWordVectors,
  WORD_VECTORS_FILE,
  wordVectors,
} from './word-vectors.js';

const WORDS = ['the', 'buy', 'purchase', 'weather', 'café'];
const DIMS = 16;

function unitRows(): Float32Array {
  const random = createPrng(11);
  const rows = Float32Array.from({ length: WORDS.length * DIMS }, () => random() - 0.5);
  for (let r = 0; r < WORDS.length; r++) normalise(rows.subarray(r * DIMS, (r + 1) * DIMS));
  return rows;
}

describe('the word-vector table format', () => {
  const rows = unitRows();
  // As many centroids as words: every group reconstructs exactly, so the file is lossless here.
  const pq = trainProductQuantizer(rows, DIMS, { subspaces: 4, centroids: 8, seed: 1 });
  const file = formatWordVectors('test-table', WORDS, pq, quantize(pq, rows));
  const table = parseWordVectors(file);

  it('reads back the version, the sizes and each word’s row, most frequent first', () => {
    expect(table.version).toBe('test-table');
    expect(table.dimensions).toBe(DIMS);
    expect(WORDS.map((w) => table.rowOf(w))).toEqual([0, 1, 2, 3, 4]);
    expect(table.rowOf('zorblat')).toBe(-1);
  });

  it('gives rare words more weight than frequent ones', () => {
    expect(table.sifWeights[0]!).toBeLessThan(table.sifWeights[4]!);
  });

  it('adds each word as a unit vector scaled by the weight asked for', () => {
    for (let r = 0; r < WORDS.length; r++) {
      const out = new Float32Array(DIMS);
      table.addRow(r, 2, out);
      for (let j = 0; j < DIMS; j++) expect(out[j]).toBeCloseTo(2 * rows[r * DIMS + j]!, 5);
    }
  });

  it('refuses a table of the format shipped before product quantization', () => {
    const old = Buffer.concat([
      Buffer.from('# parley word vectors old\n1 2\nthe\n'),
      Buffer.alloc(6),
    ]);
    expect(() => parseWordVectors(old)).toThrow(/older format/);
  });

  it('refuses a truncated file', () => {
    expect(() => parseWordVectors(file.subarray(0, file.length - 3))).toThrow(/truncated/);
  });
});

describe('the shipped word-vector table', () => {
  it('stays under the 2 MB a tracked file may take, and reads as 40k words of 256 dimensions', () => {
    expect(statSync(WORD_VECTORS_FILE).size).toBeLessThan(2 * 1024 * 1024);
    const table = wordVectors();
    expect(table.dimensions).toBe(256);
    expect(table.rowOf('flight')).toBeGreaterThanOrEqual(0);
    expect(table.sifWeights.length).toBe(40_000);
  });
});
