// Abramowitz & Stegun 7.1.26: |error| < 1.5e-7, below float32 resolution around erf's range.
const P = 0.3275911;
const A1 = 0.254829592;
const A2 = -0.284496736;
const A3 = 1.421413741;
const A4 = -1.453152027;
const A5 = 1.061405429;

/** The error function, for BERT's exact GELU `x/2 · (1 + erf(x/√2))`. */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + P * a);
  const y = 1 - ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t * Math.exp(-a * a);
  return sign * y;
}
