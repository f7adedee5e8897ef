/**
 * `array` when it holds `length` items, else a new one of twice that size, contents not kept:
 * for scratch arrays a training loop reuses from step to step, so that they are allocated a
 * few times per training rather than once per sentence or batch.
 */
export function grown<A extends Int32Array | Float64Array>(array: A, length: number): A {
  if (array.length >= length) return array;
  const Typed = array.constructor as new (length: number) => A;
  return new Typed(length * 2);
}
