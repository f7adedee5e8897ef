import { hierarchicalClusters } from './spherical-kmeans.js';

/** Points around four directions of the plane, two near each other on either side. */
function points(): Float32Array {
  const angles = [0, 0.1, 0.2, 0.5, 0.6, 0.7, 3.0, 3.1, 3.2, 3.6, 3.7, 3.8];
  return Float32Array.from(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]));
}

describe('hierarchicalClusters', () => {
  it('gives neighbours a common code prefix and far-apart points different first levels', () => {
    const codes = hierarchicalClusters(points(), 2, { branching: 2, levels: 2, seed: 42 });
    expect(codes.every((c) => c.length === 2)).toBe(true);
    const [east, west] = [codes.slice(0, 6), codes.slice(6)];
    expect(new Set(east.map((c) => c[0])).size).toBe(1);
    expect(new Set(west.map((c) => c[0])).size).toBe(1);
    expect(east[0]?.[0]).not.toBe(west[0]?.[0]);
    // The second level separates the two groups on each side.
    expect(new Set(east.slice(0, 3)).size).toBe(1);
    expect(east[0]).not.toBe(east[3]);
  });

  it('is deterministic for a seed', () => {
    const options = { branching: 3, levels: 2, seed: 7 };
    expect(hierarchicalClusters(points(), 2, options)).toEqual(
      hierarchicalClusters(points(), 2, options),
    );
  });
});
