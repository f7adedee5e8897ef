/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007), shared by the word clusters' spherical
 * k-means and the word vectors' product quantizer: the first of `k` seeds is a point drawn
 * uniformly, each next one a point drawn in proportion to its squared distance to the nearest
 * seed chosen so far. `squaredDistance(p, q)` is the caller's measure between points p and q;
 * returns the seeds' point indexes, in the order drawn.
 */
export function kMeansPlusPlus(
  n: number,
  k: number,
  random: () => number,
  squaredDistance: (p: number, q: number) => number,
): Int32Array {
  const seeds = new Int32Array(k);
  seeds[0] = Math.floor(random() * n);
  const distance = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let p = 0; p < n; p++) {
      const d = squaredDistance(p, seeds[c - 1]!);
      if (d < distance[p]!) distance[p] = d;
      total += distance[p]!;
    }
    let target = random() * total;
    let pick = n - 1;
    for (let p = 0; p < n; p++) {
      target -= distance[p]!;
      if (target <= 0) {
        pick = p;
        break;
      }
    }
    seeds[c] = pick;
  }
  return seeds;
}
