import { describe, expect, it } from '@jest/globals';
import { createPrng } from '../util/prng.js';
import { principalAxes, projectRows } from './principal-axes.js';

/** Rows spread along three known orthogonal directions with standard deviations 5, 2 and 0.5. */
function knownCloud(n: number): { rows: Float32Array; directions: number[][] } {
  const s = Math.SQRT1_2;
  const directions = [
    [s, s, 0, 0],
    [0, 0, 1, 0],
    [s, -s, 0, 0],
  ];
  const spreads = [5, 2, 0.5];
  const random = createPrng(7);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const rows = new Float32Array(n * 4);
  for (let r = 0; r < n; r++) {
    const row = [10, -3, 1, 4]; // a mean far from zero, which the axes must not see
    directions.forEach((d, k) => {
      const amount = spreads[k]! * gaussian();
      d.forEach((x, c) => (row[c]! += amount * x));
    });
    rows.set(row, r * 4);
  }
  return { rows, directions };
}

describe('principalAxes', () => {
  const { rows, directions } = knownCloud(4000);
  const pca = principalAxes(rows, 4, 3);

  it('finds the directions of largest variance, largest first, and their variances', () => {
    directions.forEach((d, a) => {
      const axis = Array.from(pca.axes.subarray(a * 4, a * 4 + 4));
      const cosine = Math.abs(axis.reduce((sum, x, c) => sum + x * d[c]!, 0));
      expect(cosine).toBeGreaterThan(0.999);
      expect(Math.hypot(...axis)).toBeCloseTo(1, 10);
    });
    const [first, second, third] = Array.from(pca.variances);
    expect(first! / 25).toBeGreaterThan(0.93);
    expect(first! / 25).toBeLessThan(1.07);
    expect(second! / 4).toBeGreaterThan(0.93);
    expect(second! / 4).toBeLessThan(1.07);
    expect(third! / 0.25).toBeGreaterThan(0.93);
    expect(third! / 0.25).toBeLessThan(1.07);
    expect(Array.from(pca.mean).map((x) => Math.round(x))).toEqual([10, -3, 1, 4]);
  });

  it('gives axes orthogonal to each other, the same on every run', () => {
    for (let a = 0; a < 3; a++)
      for (let b = a + 1; b < 3; b++) {
        let dot = 0;
        for (let c = 0; c < 4; c++) dot += pca.axes[a * 4 + c]! * pca.axes[b * 4 + c]!;
        expect(Math.abs(dot)).toBeLessThan(1e-10);
      }
    expect(principalAxes(rows, 4, 3).axes).toEqual(pca.axes);
  });

  it('projects a row on the axes after centring it, keeping its distances to the others', () => {
    const projected = projectRows(rows, 4, pca);
    expect(projected.length).toBe(4000 * 3);
    // The fourth direction has no variance, so three axes keep every distance.
    const distance = (xs: Float32Array, width: number, i: number, j: number) =>
      Math.hypot(
        ...Array.from({ length: width }, (_, c) => xs[i * width + c]! - xs[j * width + c]!),
      );
    for (const [i, j] of [
      [0, 1],
      [5, 3999],
    ] as const)
      expect(distance(projected, 3, i, j)).toBeCloseTo(distance(rows, 4, i, j), 3);
    const meanOfFirst = Array.from({ length: 4000 }, (_, r) => projected[r * 3]!).reduce(
      (a, b) => a + b,
    );
    expect(Math.abs(meanOfFirst / 4000)).toBeLessThan(1e-3);
  });

  it('refuses a table it cannot analyse', () => {
    expect(() => principalAxes(new Float32Array(4), 4, 2)).toThrow(/two rows/);
    expect(() => principalAxes(rows, 4, 5)).toThrow(/count must be 1…4/);
  });
});
