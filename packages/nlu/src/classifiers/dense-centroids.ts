/**
 * The dense expert: per-intent centroids of encoded messages. Vectors are centred on the
 * training mean first (SIF's "common component": every message shares a direction that says
 * nothing about its intent), then L2-normalised; the score of an intent is the cosine of the
 * message to its centroid. Robust with a handful of examples, and it knows the words of the
 * encoder, not only those of the bot.
 */
export interface DenseCentroidsArtifact {
  encoderId: string;
  dimensions: number;
  /** Training mean, subtracted before normalising. */
  mean: Float32Array;
  /** [classes × dimensions] row-major, unit rows (zero for an intent without examples). */
  centroids: Float32Array;
}

export function centred(vector: Float32Array, mean: Float32Array): Float32Array {
  const out = new Float32Array(vector.length);
  let zero = true;
  for (const x of vector) if (x !== 0) zero = false;
  // A message the encoder knows nothing of stays all zeros: no expert opinion at all.
  if (zero) return out;
  let norm = 0;
  for (let j = 0; j < vector.length; j++) {
    out[j] = vector[j]! - mean[j]!;
    norm += out[j]! * out[j]!;
  }
  if (norm > 0) for (let j = 0; j < out.length; j++) out[j]! /= Math.sqrt(norm);
  return out;
}

export function fitDenseCentroids(
  encoderId: string,
  vectors: readonly Float32Array[],
  labels: readonly number[],
  classes: number,
): DenseCentroidsArtifact {
  const dims = vectors[0]?.length ?? 0;
  const mean = new Float32Array(dims);
  let counted = 0;
  for (const v of vectors) {
    if (v.every((x) => x === 0)) continue;
    counted++;
    for (let j = 0; j < dims; j++) mean[j]! += v[j]!;
  }
  if (counted > 0) for (let j = 0; j < dims; j++) mean[j]! /= counted;
  const centroids = new Float32Array(classes * dims);
  vectors.forEach((v, i) => {
    const x = centred(v, mean);
    const row = labels[i]! * dims;
    for (let j = 0; j < dims; j++) centroids[row + j]! += x[j]!;
  });
  for (let c = 0; c < classes; c++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += centroids[c * dims + j]! ** 2;
    if (norm > 0) for (let j = 0; j < dims; j++) centroids[c * dims + j]! /= Math.sqrt(norm);
  }
  return { encoderId, dimensions: dims, mean, centroids };
}

/** Cosine of the (centred) message to each intent's centroid. */
export function denseSimilarities(a: DenseCentroidsArtifact, vector: Float32Array): Float32Array {
  const x = centred(vector, a.mean);
  const dims = a.dimensions;
  const classes = a.centroids.length / dims;
  const sims = new Float32Array(classes);
  for (let c = 0; c < classes; c++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += x[j]! * a.centroids[c * dims + j]!;
    sims[c] = s;
  }
  return sims;
}
