import type { SparseVector } from '../features/sparse-vectorizer.js';
import { linearLogProbabilities, trainLinearSoftmax } from './linear-softmax.js';

const OPTIONS = { epochs: 8, learningRate: 0.3, l2: 1e-5, labelSmoothing: 0.1, seed: 3 };

/** A unit vector over the given feature ids (ascending), equal weights. */
function vector(ids: number[]): SparseVector {
  return {
    ids: Int32Array.from(ids),
    values: Float32Array.from(ids, () => 1 / Math.sqrt(ids.length)),
  };
}

/**
 * Three intents over 6 features: 0 and 1 speak for intent 0, 2 and 3 for intent 1, 4 for intent
 * 2; feature 5 appears in every intent and says nothing.
 */
function messages(): { vectors: SparseVector[]; labels: number[] } {
  const rows: Array<[number[], number]> = [
    [[0, 5], 0],
    [[1, 5], 0],
    [[0, 1], 0],
    [[2, 5], 1],
    [[3, 5], 1],
    [[2, 3], 1],
    [[4, 5], 2],
    [[4], 2],
  ];
  return { vectors: rows.map(([ids]) => vector(ids)), labels: rows.map(([, label]) => label) };
}

const argmax = (p: Float32Array): number => p.indexOf(Math.max(...p));

describe('the linear expert', () => {
  it('answers each message by the intent its words were taught with, not by a word they all share', async () => {
    const { vectors, labels } = messages();
    const w = await trainLinearSoftmax(vectors, labels, 6, 3, OPTIONS);
    expect(argmax(linearLogProbabilities(w, vector([0])))).toBe(0);
    expect(argmax(linearLogProbabilities(w, vector([3, 5])))).toBe(1);
    expect(argmax(linearLogProbabilities(w, vector([4, 5])))).toBe(2);
    const shared = linearLogProbabilities(w, vector([5]));
    expect(Math.max(...shared) - Math.min(...shared)).toBeLessThan(
      Math.max(...linearLogProbabilities(w, vector([0]))) -
        Math.min(...linearLogProbabilities(w, vector([0]))),
    );
  });

  it('gives log-probabilities of a distribution', async () => {
    const { vectors, labels } = messages();
    const w = await trainLinearSoftmax(vectors, labels, 6, 3, OPTIONS);
    for (const v of [vector([1, 5]), { ids: new Int32Array(0), values: new Float32Array(0) }]) {
      const p = linearLogProbabilities(w, v);
      expect(Array.from(p, Math.exp).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });

  it('keeps label smoothing from making any intent impossible', async () => {
    const { vectors, labels } = messages();
    const w = await trainLinearSoftmax(vectors, labels, 6, 3, { ...OPTIONS, epochs: 40 });
    for (const v of vectors)
      for (const x of linearLogProbabilities(w, v)) expect(x).toBeGreaterThan(-8);
  });

  it('trains the same weights from the same data and seed, others from another seed', async () => {
    const { vectors, labels } = messages();
    const a = await trainLinearSoftmax(vectors, labels, 6, 3, OPTIONS);
    const b = await trainLinearSoftmax(vectors, labels, 6, 3, OPTIONS);
    const c = await trainLinearSoftmax(vectors, labels, 6, 3, { ...OPTIONS, seed: 4 });
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    expect(Array.from(c.weights)).not.toEqual(Array.from(a.weights));
  });
});
