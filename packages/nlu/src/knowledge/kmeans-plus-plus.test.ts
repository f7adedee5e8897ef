import { describe, expect, it } from '@jest/globals';
import { createPrng } from '../util/prng.js';
import { kMeansPlusPlus } from './kmeans-plus-plus.js';

// Points on a line in three tight bunches, around 0, 100 and 200.
const points = Array.from({ length: 30 }, (_, p) => Math.floor(p / 10) * 100 + (p % 10) * 0.01);
const squared = (p: number, q: number): number => (points[p]! - points[q]!) ** 2;

describe('kMeansPlusPlus', () => {
  it('seeds every bunch once: a far point is far likelier to be drawn than a near one', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const seeds = kMeansPlusPlus(points.length, 3, createPrng(seed), squared);
      expect(new Set(Array.from(seeds, (p) => Math.floor(p / 10))).size).toBe(3);
    }
  });

  it('draws the same seeds for the same random numbers', () => {
    const once = kMeansPlusPlus(points.length, 3, createPrng(9), squared);
    expect(kMeansPlusPlus(points.length, 3, createPrng(9), squared)).toEqual(once);
  });
});
