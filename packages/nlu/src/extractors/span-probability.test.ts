import { createPrng } from '../util/prng.js';
import { allowedEnd, allowedTransition, labelsFor, tagsToSpans } from './bilou.js';
import { forwardBackward, spanProbability, transitionFactors } from './span-probability.js';

const LABELS = labelsFor(['city', 'date']);

/** A random CRF over `allowed` for `length` tokens: emissions and (L + 1) × L transitions. */
function randomCrf(length: number, allowed: number[], seed: number, size = 1) {
  const random = createPrng(seed);
  const L = LABELS.length;
  const transitions = Float32Array.from({ length: (L + 1) * L }, () => (random() * 4 - 2) * size);
  const emissions = Array.from({ length }, () =>
    Float64Array.from(allowed, () => (random() * 6 - 3) * size),
  );
  return { transitions, emissions };
}

/** Every BILOU-valid path (indexes into `allowed`) with its score: what the CRF sums over. */
function allPaths(
  emissions: readonly Float64Array[],
  allowed: readonly number[],
  transitions: Float32Array,
): { path: number[]; score: number }[] {
  const L = LABELS.length;
  let paths: { path: number[]; score: number }[] = [{ path: [], score: 0 }];
  emissions.forEach((e, t) => {
    paths = paths.flatMap(({ path, score }) =>
      allowed.flatMap((label, k) => {
        const prev = path.length > 0 ? allowed[path.at(-1)!]! : undefined;
        if (!allowedTransition(prev === undefined ? undefined : LABELS[prev], LABELS[label]!))
          return [];
        const step = transitions[(prev ?? L) * L + label]! + e[k]!;
        return [{ path: [...path, k], score: score + step }];
      }),
    );
    if (t === emissions.length - 1)
      paths = paths.filter(({ path }) => allowedEnd(LABELS[allowed[path.at(-1)!]!]!));
  });
  return paths;
}

describe('span probability', () => {
  const allowed = LABELS.map((_, i) => i);

  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 10],
    [5, 30],
  ])('sums what enumerating every labelling sums (seed %i, scores × %i)', (seed, size) => {
    const { transitions, emissions } = randomCrf(5, allowed, seed, size);
    const paths = allPaths(emissions, allowed, transitions);
    const factors = transitionFactors(LABELS, transitions);
    const fb = forwardBackward(emissions, allowed, factors);
    const max = Math.max(...paths.map((p) => p.score));
    const logZ = max + Math.log(paths.reduce((sum, p) => sum + Math.exp(p.score - max), 0));
    expect(fb.logZ).toBeCloseTo(logZ, 9);

    // Each span of the best labelling: the share of labellings with those tags at those tokens.
    const best = paths.reduce((a, b) => (b.score > a.score ? b : a));
    const spans = tagsToSpans(best.path.map((k) => LABELS[allowed[k]!]!));
    for (const span of spans) {
      const same = paths.filter(({ path }) =>
        path.slice(span.start, span.end).every((k, i) => k === best.path[span.start + i]),
      );
      const expected = same.reduce((sum, p) => sum + Math.exp(p.score - logZ), 0);
      const p = spanProbability(fb, allowed, factors, best.path, span);
      expect(p).toBeCloseTo(expected, 9);
    }
  });

  it('gives an entity and its absence probabilities that add up to one', () => {
    // One token, one entity type: "U-city" or "O" (B, I, L cannot stand alone).
    const cityOrNot = [0, LABELS.indexOf('U-city')];
    const { transitions, emissions } = randomCrf(1, cityOrNot, 9);
    const factors = transitionFactors(LABELS, transitions);
    const fb = forwardBackward(emissions, cityOrNot, factors);
    const span = { start: 0, end: 1 };
    const city = spanProbability(fb, cityOrNot, factors, [1], span);
    const none = spanProbability(fb, cityOrNot, factors, [0], span);
    expect(city + none).toBeCloseTo(1, 12);
    expect(city).toBeGreaterThan(0);
    expect(none).toBeGreaterThan(0);
  });

  it('is certain when only one labelling is allowed', () => {
    const outside = [0];
    const { transitions, emissions } = randomCrf(3, outside, 4);
    const factors = transitionFactors(LABELS, transitions);
    const fb = forwardBackward(emissions, outside, factors);
    const whole = { start: 0, end: 3 };
    expect(spanProbability(fb, outside, factors, [0, 0, 0], whole)).toBeCloseTo(1, 12);
  });
});
