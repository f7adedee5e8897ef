import { expectedCalibrationError } from '../classifiers/calibration.js';
import type { ExtractedEntity } from '../types.js';
import type { TestItem } from './exchange-format.js';

/** The label of out-of-scope test messages: the right answer for them is the fallback. */
export const OOS_LABEL = 'oos';

export interface Prediction {
  item: TestItem;
  intent: string;
  confidence: number;
  entities: ExtractedEntity[];
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface IntentReport {
  accuracy: number;
  macroF1: number;
  inScopeAccuracy: number | null;
  oosRecall: number | null;
  threshold: number;
  /**
   * With out-of-scope items: in-scope accuracy and out-of-scope recall at other thresholds,
   * to choose a bot's threshold from (null otherwise).
   */
  thresholdSweep: ThresholdPoint[] | null;
  perIntent: Record<string, ClassScores>;
  confusion: Record<string, Record<string, number>>;
}

export interface ThresholdPoint {
  threshold: number;
  inScopeAccuracy: number;
  oosRecall: number;
}

const SWEEP = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

export interface PrfReport {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Whether the confidence means what it says, and what the bot threshold costs in-scope messages. */
export interface CalibrationScores {
  /** Expected calibration error of the top intent's confidence (10 bins; `oos` items are never right). */
  ece: number;
  threshold: number;
  /** In-scope messages answered by their own intent, without any threshold. */
  inScopeAccuracy: number;
  /** The same at the threshold (below it the fallback answers). */
  inScopeAccuracyAtThreshold: number;
  /** What the threshold costs: the difference of the two, in accuracy points (0..1). */
  thresholdLoss: number;
  /** In-scope messages below the threshold. */
  fallbackRate: number;
}

export function scoreCalibration(
  predictions: readonly Prediction[],
  threshold: number,
): CalibrationScores {
  const inScope = predictions.filter((p) => p.item.intent !== OOS_LABEL);
  const right = inScope.filter((p) => p.intent === p.item.intent);
  const rightAbove = right.filter((p) => p.confidence >= threshold).length;
  return {
    ece: round(
      expectedCalibrationError(
        predictions.map((p) => p.confidence),
        predictions.map((p) => p.intent === p.item.intent),
      ),
    ),
    threshold,
    inScopeAccuracy: round(ratio(right.length, inScope.length)),
    inScopeAccuracyAtThreshold: round(ratio(rightAbove, inScope.length)),
    thresholdLoss: round(ratio(right.length - rightAbove, inScope.length)),
    fallbackRate: round(
      ratio(inScope.filter((p) => p.confidence < threshold).length, inScope.length),
    ),
  };
}

export interface QualityReport {
  calibration: CalibrationScores;
  /** In-scope accuracy and fallback rate over thresholds, for every test set. */
  fallbackSweep: FallbackPoint[];
  intent: IntentReport;
  entities: PrfReport;
  /** Braun et al. 2017: intents and entities counted together (entity = same type and lower-cased text). */
  combined: PrfReport;
  combinedF1: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function prf(tp: number, fp: number, fn: number): PrfReport {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * tp, 2 * tp + fp + fn);
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
  };
}

/**
 * The predicted label at a threshold: when the test set has out-of-scope items, a confidence
 * below the threshold means the fallback (`oos`).
 */
export function effectiveIntent(p: Prediction, threshold: number, hasOos: boolean): string {
  return hasOos && p.confidence < threshold ? OOS_LABEL : p.intent;
}

export function scoreIntents(predictions: readonly Prediction[], threshold: number): IntentReport {
  const hasOos = predictions.some((p) => p.item.intent === OOS_LABEL);
  const confusion: Record<string, Record<string, number>> = {};
  const labels = new Set<string>();
  let correct = 0;
  for (const p of predictions) {
    const gold = p.item.intent;
    const pred = effectiveIntent(p, threshold, hasOos);
    labels.add(gold).add(pred);
    const row = (confusion[gold] ??= {});
    row[pred] = (row[pred] ?? 0) + 1;
    if (gold === pred) correct++;
  }
  const perIntent: Record<string, ClassScores> = {};
  for (const label of [...labels].sort()) {
    const tp = confusion[label]?.[label] ?? 0;
    const support = Object.values(confusion[label] ?? {}).reduce((s, n) => s + n, 0);
    const predicted = Object.values(confusion).reduce((s, row) => s + (row[label] ?? 0), 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    perIntent[label] = {
      precision: round(precision),
      recall: round(recall),
      f1: round(ratio(2 * precision * recall, precision + recall)),
      support,
    };
  }
  const atThreshold = hasOos ? thresholdPoint(predictions, threshold) : undefined;
  const goldLabels = Object.keys(perIntent).filter((l) => (perIntent[l]?.support ?? 0) > 0);
  return {
    accuracy: round(ratio(correct, predictions.length)),
    macroF1: round(
      ratio(
        goldLabels.reduce((s, l) => s + (perIntent[l]?.f1 ?? 0), 0),
        goldLabels.length,
      ),
    ),
    inScopeAccuracy: atThreshold?.inScopeAccuracy ?? null,
    oosRecall: atThreshold?.oosRecall ?? null,
    threshold,
    thresholdSweep: hasOos ? SWEEP.map((t) => thresholdPoint(predictions, t)) : null,
    perIntent,
    confusion,
  };
}

function thresholdPoint(predictions: readonly Prediction[], threshold: number): ThresholdPoint {
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCorrect = 0;
  for (const p of predictions) {
    const pred = effectiveIntent(p, threshold, true);
    if (p.item.intent === OOS_LABEL) {
      oos++;
      if (pred === OOS_LABEL) oosCorrect++;
    } else {
      inScope++;
      if (pred === p.item.intent) inScopeCorrect++;
    }
  }
  return {
    threshold,
    inScopeAccuracy: round(ratio(inScopeCorrect, inScope)),
    oosRecall: round(ratio(oosCorrect, oos)),
  };
}

/** Entity micro P/R/F1: a predicted entity counts when the same name and span are gold. */
export function scoreEntities(predictions: readonly Prediction[]): PrfReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of predictions) {
    const gold = new Set(p.item.entities.map((e) => `${e.name}\u0000${e.begin}\u0000${e.end}`));
    const found = new Set(p.entities.map((e) => `${e.name}\u0000${e.begin}\u0000${e.end}`));
    for (const k of found) {
      if (gold.has(k)) tp++;
      else fp++;
    }
    for (const k of gold) if (!found.has(k)) fn++;
  }
  return prf(tp, fp, fn);
}

/** Braun et al. 2017: one TP/FP/FN pool over intents and entities (type + lower-cased text). */
export function scoreCombined(predictions: readonly Prediction[], threshold: number): PrfReport {
  const hasOos = predictions.some((p) => p.item.intent === OOS_LABEL);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of predictions) {
    const pred = effectiveIntent(p, threshold, hasOos);
    if (pred === p.item.intent) tp++;
    else {
      fp++;
      fn++;
    }
    const gold = p.item.entities.map(
      (e) => `${e.name}\u0000${p.item.text.slice(e.begin, e.end).toLowerCase()}`,
    );
    const found = p.entities.map((e) => `${e.name}\u0000${e.raw.toLowerCase()}`);
    const unmatched = [...gold];
    for (const f of found) {
      const i = unmatched.indexOf(f);
      if (i >= 0) {
        tp++;
        unmatched.splice(i, 1);
      } else fp++;
    }
    fn += unmatched.length;
  }
  return prf(tp, fp, fn);
}

export function scoreQuality(predictions: readonly Prediction[], threshold: number): QualityReport {
  const combined = scoreCombined(predictions, threshold);
  return {
    calibration: scoreCalibration(predictions, threshold),
    fallbackSweep: fallbackTradeoff(predictions),
    intent: scoreIntents(predictions, threshold),
    entities: scoreEntities(predictions),
    combined,
    combinedF1: combined.f1,
  };
}

/** A cross-validation example the model got wrong, to show the bot builder. */
export interface Misclassification {
  text: string;
  expected: string;
  predicted: string;
  confidence: number;
}

const MAX_MISCLASSIFIED = 200;

/** The examples whose predicted intent (at the threshold) is not theirs, most confident first. */
export function misclassified(
  predictions: readonly Prediction[],
  threshold: number,
): Misclassification[] {
  const hasOos = predictions.some((p) => p.item.intent === OOS_LABEL);
  return predictions
    .map((p) => ({ p, predicted: effectiveIntent(p, threshold, hasOos) }))
    .filter(({ p, predicted }) => predicted !== p.item.intent)
    .sort((a, b) => b.p.confidence - a.p.confidence)
    .slice(0, MAX_MISCLASSIFIED)
    .map(({ p, predicted }) => ({
      text: p.item.text,
      expected: p.item.intent,
      predicted,
      confidence: round(p.confidence),
    }));
}

/** What a bot's threshold costs on in-scope messages: answered right vs. sent to the fallback. */
export interface FallbackPoint {
  threshold: number;
  /** Share of in-scope messages answered by their own intent with at least this confidence. */
  inScopeAccuracy: number;
  /** Share of in-scope messages below the threshold (the fallback answers them). */
  fallbackRate: number;
}

const FALLBACK_SWEEP = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** The threshold trade-off over in-scope predictions (a bot's own examples have no `oos`). */
export function fallbackTradeoff(predictions: readonly Prediction[]): FallbackPoint[] {
  const inScope = predictions.filter((p) => p.item.intent !== OOS_LABEL);
  return FALLBACK_SWEEP.map((threshold) => {
    const answered = inScope.filter((p) => p.confidence >= threshold);
    const right = answered.filter((p) => p.intent === p.item.intent).length;
    return {
      threshold,
      inScopeAccuracy: round(ratio(right, inScope.length)),
      fallbackRate: round(ratio(inScope.length - answered.length, inScope.length)),
    };
  });
}
