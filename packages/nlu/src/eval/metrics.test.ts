import type { ExtractedEntity } from '../types.js';
import type { Prediction } from './metrics.js';
import {
  fallbackTradeoff,
  misclassified,
  scoreCombined,
  scoreEntities,
  scoreIntents,
} from './metrics.js';

const entity = (name: string, begin: number, end: number, raw: string): ExtractedEntity => ({
  name,
  value: raw,
  raw,
  begin,
  end,
  extractor: 'crf',
  confidence: 1,
});

const p = (
  intent: string,
  gold: string,
  confidence = 0.9,
  entities: ExtractedEntity[] = [],
  text = 'x',
): Prediction => ({
  item: { text, intent: gold, entities: [] },
  intent,
  confidence,
  entities,
});

describe('scoreIntents', () => {
  it('computes accuracy, per-intent P/R/F1, macro-F1 and the confusion matrix', () => {
    const r = scoreIntents([p('a', 'a'), p('a', 'b'), p('b', 'b'), p('b', 'b')], 0.6);
    expect(r.accuracy).toBe(0.75);
    expect(r.perIntent.a).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, support: 1 });
    expect(r.perIntent.b).toEqual({ precision: 1, recall: 0.6667, f1: 0.8, support: 3 });
    expect(r.macroF1).toBe(0.7333);
    expect(r.confusion).toEqual({ a: { a: 1 }, b: { a: 1, b: 2 } });
    expect(r.inScopeAccuracy).toBeNull();
    expect(r.oosRecall).toBeNull();
  });

  it('applies the threshold when the test set has out-of-scope items', () => {
    const r = scoreIntents(
      [p('a', 'a', 0.9), p('a', 'a', 0.5), p('a', 'oos', 0.3), p('b', 'oos', 0.7)],
      0.6,
    );
    expect(r.inScopeAccuracy).toBe(0.5);
    expect(r.oosRecall).toBe(0.5);
    expect(r.accuracy).toBe(0.5);
    // Confidences 0.9, 0.5 (in scope) and 0.3, 0.7 (out of scope): each threshold trades one for the other.
    expect(r.thresholdSweep).toEqual([
      { threshold: 0.3, inScopeAccuracy: 1, oosRecall: 0 },
      { threshold: 0.4, inScopeAccuracy: 1, oosRecall: 0.5 },
      { threshold: 0.5, inScopeAccuracy: 1, oosRecall: 0.5 },
      { threshold: 0.6, inScopeAccuracy: 0.5, oosRecall: 0.5 },
      { threshold: 0.7, inScopeAccuracy: 0.5, oosRecall: 0.5 },
      { threshold: 0.8, inScopeAccuracy: 0.5, oosRecall: 1 },
    ]);
    expect(scoreIntents([p('a', 'a')], 0.6).thresholdSweep).toBeNull();
  });
});

describe('entity scores', () => {
  const text = 'from Paris to Rome';
  const pred: Prediction = {
    item: {
      text,
      intent: 'fly',
      entities: [
        { name: 'from', value: 'Paris', begin: 5, end: 10 },
        { name: 'to', value: 'Rome', begin: 14, end: 18 },
      ],
    },
    intent: 'fly',
    confidence: 1,
    entities: [entity('from', 5, 10, 'Paris'), entity('to', 11, 18, 'to Rome')],
  };

  it('counts an entity only with the same name and span', () => {
    expect(scoreEntities([pred])).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      f1: 0.5,
    });
  });

  it('pools intents and entities as Braun et al. count them', () => {
    expect(scoreCombined([pred], 0.6)).toMatchObject({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 1,
      f1: 0.6667,
    });
    const wrongIntent = { ...pred, intent: 'other' };
    expect(scoreCombined([wrongIntent], 0.6)).toMatchObject({
      truePositives: 1,
      falsePositives: 2,
      falseNegatives: 2,
    });
  });
});

describe('what the admin shows of a cross-validation', () => {
  it('lists the misclassified examples, most confident first', () => {
    const list = misclassified(
      [
        p('a', 'a', 0.9, [], 'right'),
        p('b', 'a', 0.4, [], 'unsure'),
        p('b', 'a', 0.8, [], 'sure but wrong'),
      ],
      0.6,
    );
    expect(list).toEqual([
      { text: 'sure but wrong', expected: 'a', predicted: 'b', confidence: 0.8 },
      { text: 'unsure', expected: 'a', predicted: 'b', confidence: 0.4 },
    ]);
  });

  it('trades answered-right against fallback over thresholds', () => {
    const points = fallbackTradeoff([p('a', 'a', 0.95), p('a', 'a', 0.55), p('b', 'a', 0.35)]);
    const at = (t: number) => points.find((point) => point.threshold === t)!;
    expect(at(0.3)).toEqual({ threshold: 0.3, inScopeAccuracy: 0.6667, fallbackRate: 0 });
    expect(at(0.5)).toEqual({ threshold: 0.5, inScopeAccuracy: 0.6667, fallbackRate: 0.3333 });
    expect(at(0.6)).toEqual({ threshold: 0.6, inScopeAccuracy: 0.3333, fallbackRate: 0.6667 });
  });
});
