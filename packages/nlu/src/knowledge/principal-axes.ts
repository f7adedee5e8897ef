/**
 * Principal component analysis of a table of rows, for the build scripts: the rows' mean and
 * the eigenvectors of their covariance with the largest eigenvalues. The covariance is
 * `width × width` (a few hundred), small enough for the cyclic Jacobi method, which is exact to
 * float64 and gives the same axes on every run.
 */
export interface PrincipalAxes {
  mean: Float64Array;
  /** `count` unit axes of `width` components, one after another, largest variance first. */
  axes: Float64Array;
  /** The variance along each axis, largest first. */
  variances: Float64Array;
}

export function principalAxes(rows: Float32Array, width: number, count: number): PrincipalAxes {
  const n = rows.length / width;
  if (!Number.isInteger(n) || n < 2) throw new Error('principalAxes: needs two rows or more');
  if (count < 1 || count > width) throw new Error(`principalAxes: count must be 1…${width}`);
  const mean = new Float64Array(width);
  for (let r = 0; r < n; r++) for (let c = 0; c < width; c++) mean[c]! += rows[r * width + c]!;
  for (let c = 0; c < width; c++) mean[c]! /= n;
  const cov = new Float64Array(width * width);
  const centred = new Float64Array(width);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < width; c++) centred[c] = rows[r * width + c]! - mean[c]!;
    for (let i = 0; i < width; i++) {
      const x = centred[i]!;
      for (let j = i; j < width; j++) cov[i * width + j]! += x * centred[j]!;
    }
  }
  for (let i = 0; i < width; i++)
    for (let j = i; j < width; j++) {
      const v = cov[i * width + j]! / (n - 1);
      cov[i * width + j] = v;
      cov[j * width + i] = v;
    }
  const { values, vectors } = symmetricEigen(cov, width);
  const order = Array.from({ length: width }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const axes = new Float64Array(count * width);
  const variances = new Float64Array(count);
  order.slice(0, count).forEach((k, a) => {
    variances[a] = values[k]!;
    // An eigenvector's sign is arbitrary: its largest component is made positive.
    let largest = 0;
    for (let c = 0; c < width; c++)
      if (Math.abs(vectors[c * width + k]!) > Math.abs(largest)) largest = vectors[c * width + k]!;
    const sign = largest < 0 ? -1 : 1;
    for (let c = 0; c < width; c++) axes[a * width + c] = sign * vectors[c * width + k]!;
  });
  return { mean, axes, variances };
}

/** Each row centred on `mean` and projected on the axes: `count` components a row. */
export function projectRows(rows: Float32Array, width: number, pca: PrincipalAxes): Float32Array {
  const n = rows.length / width;
  const count = pca.variances.length;
  const out = new Float32Array(n * count);
  const centred = new Float64Array(width);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < width; c++) centred[c] = rows[r * width + c]! - pca.mean[c]!;
    for (let a = 0; a < count; a++) {
      let dot = 0;
      for (let c = 0; c < width; c++) dot += centred[c]! * pca.axes[a * width + c]!;
      out[r * count + a] = dot;
    }
  }
  return out;
}

/**
 * Eigenvalues and eigenvectors (the columns of `vectors`) of a symmetric matrix, by cyclic
 * Jacobi rotations until the off-diagonal part is negligible (Golub & Van Loan, §8.5).
 */
function symmetricEigen(
  matrix: Float64Array,
  n: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (const x of a) total += x * x;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i]!), vectors: v };
}
