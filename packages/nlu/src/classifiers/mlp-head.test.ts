import * as tf from '@tensorflow/tfjs';
import { createPrng } from '../util/prng.js';
import { headStep } from './mlp-head.js';
import type { HeadWeights } from './mlp-head.js';

const H = 6;
const C = 4;

function randomHead(seed: number): { w: HeadWeights; bag: Float32Array; labels: number[] } {
  const random = createPrng(seed);
  const fill = (n: number): Float32Array => Float32Array.from({ length: n }, () => random() - 0.5);
  return {
    w: {
      hiddenUnits: H,
      classes: C,
      hiddenBias: fill(H),
      outputWeights: fill(H * C),
      outputBias: fill(C),
    },
    bag: fill(3 * H),
    labels: [0, 3, 1],
  };
}

/** The same head in TF.js ops, differentiated by TF.js (the classifier's head until now). */
function tfReference(
  w: HeadWeights,
  bag: Float32Array,
  labels: number[],
  smoothing: number,
): { loss: number; grads: Float32Array[] } {
  return tf.tidy(() => {
    const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), C);
    const f = (bagT: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor): tf.Scalar =>
      tf.losses.softmaxCrossEntropy(
        onehot,
        tf.add(tf.matMul(tf.relu(tf.add(bagT, b1)) as tf.Tensor2D, w2 as tf.Tensor2D), b2),
        undefined,
        smoothing,
      ) as tf.Scalar;
    const { value, grads } = tf.valueAndGrads(f as (...args: tf.Tensor[]) => tf.Scalar)([
      tf.tensor2d(bag, [labels.length, H]),
      tf.tensor1d(w.hiddenBias),
      tf.tensor2d(w.outputWeights, [H, C]),
      tf.tensor1d(w.outputBias),
    ]);
    return { loss: value.dataSync()[0]!, grads: grads.map((g) => g.dataSync() as Float32Array) };
  });
}

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>): void => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i]!, 5);
};

describe('the classifier head in plain JS', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each([0, 0.1])(
    'computes the loss and gradients TF.js computes (label smoothing %s)',
    (smoothing) => {
      const { w, bag, labels } = randomHead(3);
      const ours = headStep(w, bag, labels, { dropout: 0, labelSmoothing: smoothing }, () => 0);
      const reference = tfReference(w, bag, labels, smoothing);
      expect(ours.loss).toBeCloseTo(reference.loss, 5);
      close(ours.dBag, reference.grads[0]!);
      close(ours.dHiddenBias, reference.grads[1]!);
      close(ours.dOutputWeights, reference.grads[2]!);
      close(ours.dOutputBias, reference.grads[3]!);
    },
  );

  it('drops hidden units with the given rate, scales the kept ones and passes no gradient through the dropped', () => {
    const { w, bag, labels } = randomHead(5);
    // Every hidden unit active, so that only dropout can zero one.
    w.hiddenBias.fill(2);
    const draws = createPrng(9);
    const mask: boolean[] = [];
    const random = (): number => {
      const r = draws();
      mask.push(r < 0.5);
      return r;
    };
    const step = headStep(w, bag, labels, { dropout: 0.5, labelSmoothing: 0 }, random);
    expect(mask).toHaveLength(labels.length * H);
    const dropped = mask.filter((kept) => !kept).length;
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(mask.length);
    mask.forEach((kept, k) =>
      kept ? expect(step.dBag[k]).not.toBe(0) : expect(step.dBag[k]).toBe(0),
    );

    // Kept units count double (1 / (1 − 0.5)): the loss equals that of a head without dropout
    // whose dropped units are zero and kept ones doubled in the input to W₂.
    const scaled = { ...w, outputWeights: w.outputWeights.map((x) => x * 2) };
    const masked = new Float32Array(bag);
    mask.forEach((kept, k) => {
      if (!kept) masked[k] = -w.hiddenBias[k % H]! - 1;
    });
    const plain = headStep(scaled, masked, labels, { dropout: 0, labelSmoothing: 0 }, () => 0);
    expect(step.loss).toBeCloseTo(plain.loss, 6);
  });

  it('moves the loss by what its gradient predicts (finite differences)', () => {
    const { w, bag, labels } = randomHead(7);
    const options = { dropout: 0, labelSmoothing: 0.1 };
    const { dOutputWeights } = headStep(w, bag, labels, options, () => 0);
    const eps = 1e-3;
    for (const k of [0, 5, 11, 23]) {
      const up = { ...w, outputWeights: Float32Array.from(w.outputWeights) };
      const down = { ...w, outputWeights: Float32Array.from(w.outputWeights) };
      up.outputWeights[k]! += eps;
      down.outputWeights[k]! -= eps;
      const numeric =
        (headStep(up, bag, labels, options, () => 0).loss -
          headStep(down, bag, labels, options, () => 0).loss) /
        (2 * eps);
      expect(dOutputWeights[k]).toBeCloseTo(numeric, 3);
    }
  });
});
