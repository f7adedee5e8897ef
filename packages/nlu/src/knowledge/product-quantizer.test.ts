import { describe, expect, it } from '@jest/globals';
import { createPrng } from '../util/prng.js';
import { addReconstruction, quantize, trainProductQuantizer } from './product-quantizer.js';

/** Rows near one of four known points per pair of dimensions (a little noise around each). */
function clusteredRows(n: number, dims: number): Float32Array {
  const random = createPrng(3);
  const corners = [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ];
  const rows = new Float32Array(n * dims);
  for (let r = 0; r < n; r++)
    for (let pair = 0; pair < dims / 2; pair++) {
      const corner = corners[Math.floor(random() * 4)]!;
      // Pair p is dimensions p and p + dims / 2: the interleaved group of two subspaces' worth.
      rows[r * dims + pair] = corner[0]! + (random() - 0.5) * 0.01;
      rows[r * dims + pair + dims / 2] = corner[1]! + (random() - 0.5) * 0.01;
    }
  return rows;
}

function reconstructed(
  pq: ReturnType<typeof trainProductQuantizer>,
  codes: Uint8Array,
  row: number,
): Float32Array {
  const out = new Float32Array(pq.dims);
  addReconstruction(pq, codes, row, 1, out);
  return out;
}

describe('product quantization', () => {
  const dims = 8;
  const rows = clusteredRows(500, dims);
  // Four groups: group s holds dimensions s and s + 4, the two of a pair.
  const pq = trainProductQuantizer(rows, dims, { subspaces: 4, centroids: 4, seed: 1 });
  const codes = quantize(pq, rows);

  it('stores a row as one byte per group', () => {
    expect(codes.length).toBe(500 * 4);
    expect(pq.codebooks.length).toBe(4 * 4 * 2);
  });

  it('reconstructs each row from its codes within the noise around its points', () => {
    for (const row of [0, 17, 499]) {
      const back = reconstructed(pq, codes, row);
      for (let j = 0; j < dims; j++)
        expect(Math.abs(back[j]! - rows[row * dims + j]!)).toBeLessThan(0.01);
    }
  });

  it('adds a weighted reconstruction to what is already there', () => {
    const out = new Float32Array(dims).fill(1);
    addReconstruction(pq, codes, 3, 0.5, out);
    const once = reconstructed(pq, codes, 3);
    for (let j = 0; j < dims; j++) expect(out[j]).toBeCloseTo(1 + 0.5 * once[j]!, 5);
  });

  it('learns the same codebooks for the same seed', () => {
    const again = trainProductQuantizer(rows, dims, { subspaces: 4, centroids: 4, seed: 1 });
    expect(Array.from(again.codebooks)).toEqual(Array.from(pq.codebooks));
  });

  it('refuses a split that does not divide the dimensions, or codes wider than a byte', () => {
    expect(() =>
      trainProductQuantizer(rows, dims, { subspaces: 3, centroids: 4, seed: 1 }),
    ).toThrow(/do not split/);
    expect(() =>
      trainProductQuantizer(rows, dims, { subspaces: 4, centroids: 300, seed: 1 }),
    ).toThrow(/one byte/);
  });
});
