import { createPrng } from '../util/prng.js';
import { kMeansPlusPlus } from './kmeans-plus-plus.js';

export interface HierarchyOptions {
  /** Clusters per node. */
  branching: number;
  /** Depth of the tree: codes have this many characters. */
  levels: number;
  seed: number;
  /** Lloyd iterations per node at most; a node stops earlier once almost nothing moves. */
  iterations?: number;
}

/**
 * Clusters unit vectors (rows of `vectors`, `dims` wide) top-down: `branching` clusters by
 * cosine similarity, then each of them again, `levels` deep. Row i gets a code of one base-36
 * digit per level, so that code prefixes name coarser clusters ("4", "4d", "4de"), which is
 * what word-cluster features need (Brown clusters are used the same way). Deterministic for a
 * given seed.
 */
export function hierarchicalClusters(
  vectors: Float32Array,
  dims: number,
  options: HierarchyOptions,
): string[] {
  const rows = vectors.length / dims;
  const codes = Array.from({ length: rows }, () => '');
  const random = createPrng(options.seed);
  const split = (members: Int32Array, level: number): void => {
    if (level === options.levels || members.length === 0) return;
    const assignment = sphericalKMeans(vectors, dims, members, options.branching, {
      random,
      iterations: options.iterations ?? 20,
    });
    for (let c = 0; c < options.branching; c++) {
      const group = members.filter((_, a) => assignment[a] === c);
      for (const row of group) codes[row] += c.toString(36);
      split(group, level + 1);
    }
  };
  split(
    Int32Array.from({ length: rows }, (_, i) => i),
    0,
  );
  return codes;
}

/**
 * k-means on the unit sphere over the given rows (cosine similarity, centroids renormalised),
 * seeded by k-means++; returns the cluster of each member. With k or fewer members, each gets
 * its own cluster.
 */
export function sphericalKMeans(
  vectors: Float32Array,
  dims: number,
  members: Int32Array,
  k: number,
  options: { random: () => number; iterations: number },
): Int32Array {
  const n = members.length;
  if (n <= k) return Int32Array.from({ length: n }, (_, a) => a);
  const centroids = seedCentroids(vectors, dims, members, k, options.random);
  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    let moved = 0;
    for (let a = 0; a < n; a++) {
      const best = nearest(vectors, members[a]! * dims, centroids, dims, k);
      if (assignment[a] !== best) moved++;
      assignment[a] = best;
    }
    centroids.fill(0);
    for (let a = 0; a < n; a++) {
      const row = members[a]! * dims;
      const c = assignment[a]! * dims;
      for (let j = 0; j < dims; j++) centroids[c + j]! += vectors[row + j]!;
    }
    for (let c = 0; c < k; c++) normalise(centroids.subarray(c * dims, (c + 1) * dims));
    if (moved <= n * 0.002) break;
  }
  return assignment;
}

function seedCentroids(
  vectors: Float32Array,
  dims: number,
  members: Int32Array,
  k: number,
  random: () => number,
): Float32Array {
  // Squared cosine distance: the seeds are drawn in proportion to it.
  const seeds = kMeansPlusPlus(members.length, k, random, (a, b) => {
    const d = Math.max(0, 1 - dot(vectors, members[a]! * dims, vectors, members[b]! * dims, dims));
    return d * d;
  });
  const centroids = new Float32Array(k * dims);
  seeds.forEach((a, c) => {
    const row = members[a]! * dims;
    centroids.set(vectors.subarray(row, row + dims), c * dims);
  });
  return centroids;
}

function nearest(
  vectors: Float32Array,
  row: number,
  centroids: Float32Array,
  dims: number,
  k: number,
): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < k; c++) {
    const score = dot(vectors, row, centroids, c * dims, dims);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

function dot(a: Float32Array, i: number, b: Float32Array, j: number, dims: number): number {
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += a[i + d]! * b[j + d]!;
  return sum;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalise(v: Float32Array): void {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j]! /= norm;
}
