import { createPrng } from '../util/prng.js';
import { kMeansPlusPlus } from './kmeans-plus-plus.js';

/**
 * Product quantization (Jégou et al. 2011): a vector's dimensions are split into `subspaces`
 * groups, each group is replaced by the nearest of `centroids` learnt sub-vectors, and a row is
 * stored as one byte per group. Dimension j belongs to group j % subspaces: after a principal
 * axes projection the variance sits in the first dimensions, and interleaving gives every group
 * a share of it instead of spending the first groups' codes on most of the signal.
 */
export interface ProductQuantizer {
  dims: number;
  subspaces: number;
  centroids: number;
  /** Group s's centroid c, dimension t (that is, dimension s + t · subspaces of the vector), at (s · centroids + c) · groupDims + t. */
  codebooks: Float32Array;
}

export interface QuantizerOptions {
  subspaces: number;
  /** At most 256: a code is one byte. */
  centroids: number;
  seed: number;
  /** Lloyd iterations per group at most; a group stops earlier once almost nothing moves. */
  iterations?: number;
}

export function groupDims(pq: Pick<ProductQuantizer, 'dims' | 'subspaces'>): number {
  return pq.dims / pq.subspaces;
}

/** Learns each group's centroids by k-means (k-means++ seeding); deterministic for a seed. */
export function trainProductQuantizer(
  vectors: Float32Array,
  dims: number,
  options: QuantizerOptions,
): ProductQuantizer {
  const { subspaces, centroids } = options;
  if (dims % subspaces !== 0) throw new Error(`${dims} dimensions do not split into ${subspaces}`);
  if (centroids < 1 || centroids > 256) throw new Error('a code is one byte: 1 to 256 centroids');
  const width = dims / subspaces;
  const rows = vectors.length / dims;
  const random = createPrng(options.seed);
  const codebooks = new Float32Array(subspaces * centroids * width);
  const group = new Float32Array(rows * width);
  for (let s = 0; s < subspaces; s++) {
    for (let r = 0; r < rows; r++)
      for (let t = 0; t < width; t++) group[r * width + t] = vectors[r * dims + s + t * subspaces]!;
    codebooks.set(
      kMeans(group, width, centroids, random, options.iterations ?? 25),
      s * centroids * width,
    );
  }
  return { dims, subspaces, centroids, codebooks };
}

/** Each row's codes: `subspaces` bytes, the nearest centroid of each group. */
export function quantize(pq: ProductQuantizer, vectors: Float32Array): Uint8Array {
  const width = groupDims(pq);
  const rows = vectors.length / pq.dims;
  const codes = new Uint8Array(rows * pq.subspaces);
  const sub = new Float32Array(width);
  for (let r = 0; r < rows; r++)
    for (let s = 0; s < pq.subspaces; s++) {
      for (let t = 0; t < width; t++) sub[t] = vectors[r * pq.dims + s + t * pq.subspaces]!;
      const book = pq.codebooks.subarray(s * pq.centroids * width, (s + 1) * pq.centroids * width);
      codes[r * pq.subspaces + s] = nearest(sub, 0, book, width, pq.centroids);
    }
  return codes;
}

/** Adds `weight` times row `row`'s reconstruction to `out` (`dims` wide). */
export function addReconstruction(
  pq: ProductQuantizer,
  codes: Uint8Array,
  row: number,
  weight: number,
  out: Float32Array,
): void {
  const width = groupDims(pq);
  const { subspaces, centroids, codebooks } = pq;
  for (let s = 0; s < subspaces; s++) {
    const base = (s * centroids + codes[row * subspaces + s]!) * width;
    for (let t = 0; t < width; t++) out[s + t * subspaces]! += weight * codebooks[base + t]!;
  }
}

/** Lloyd's k-means on the points `width` wide; returns the k centroids. */
function kMeans(
  points: Float32Array,
  width: number,
  k: number,
  random: () => number,
  iterations: number,
): Float32Array {
  const n = points.length / width;
  const centroids = seed(points, width, Math.min(k, n), random);
  if (n <= k) {
    const all = new Float32Array(k * width);
    all.set(centroids);
    return all;
  }
  const assignment = new Int32Array(n).fill(-1);
  const sums = new Float64Array(k * width);
  const counts = new Int32Array(k);
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    sums.fill(0);
    counts.fill(0);
    for (let p = 0; p < n; p++) {
      const best = nearest(points, p * width, centroids, width, k);
      if (assignment[p] !== best) moved++;
      assignment[p] = best;
      counts[best]!++;
      for (let t = 0; t < width; t++) sums[best * width + t]! += points[p * width + t]!;
    }
    // A centroid nobody chose keeps its place: it costs a code, not accuracy.
    for (let c = 0; c < k; c++)
      if (counts[c]! > 0)
        for (let t = 0; t < width; t++)
          centroids[c * width + t] = sums[c * width + t]! / counts[c]!;
    if (moved <= n * 0.001) break;
  }
  return centroids;
}

function seed(points: Float32Array, width: number, k: number, random: () => number): Float32Array {
  const seeds = kMeansPlusPlus(points.length / width, k, random, (p, q) =>
    squaredDistance(points, p * width, points, q * width, width),
  );
  const centroids = new Float32Array(k * width);
  seeds.forEach((p, c) => centroids.set(points.subarray(p * width, (p + 1) * width), c * width));
  return centroids;
}

function nearest(
  points: Float32Array,
  offset: number,
  centroids: Float32Array,
  width: number,
  k: number,
): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < k; c++) {
    const d = squaredDistance(points, offset, centroids, c * width, width);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function squaredDistance(
  a: Float32Array,
  i: number,
  b: Float32Array,
  j: number,
  width: number,
): number {
  let sum = 0;
  for (let t = 0; t < width; t++) {
    const d = a[i + t]! - b[j + t]!;
    sum += d * d;
  }
  return sum;
}
