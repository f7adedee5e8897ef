import {
  expectedCalibrationError,
  fitPlatt,
  fitPool,
  plattConfidence,
  plattFeatures,
  pooledProbabilities,
} from '../classifiers/calibration.js';
import type { Calibration, ScoredExample } from '../classifiers/calibration.js';
import type { TextFeatureOptions } from '../features/text-features.js';
import { yieldIfDue } from '../util/event-loop.js';
import { createPrng, shuffled } from '../util/prng.js';
import { IntentModel } from './intent-model.js';
import type { IntentDoc, IntentTrainOptions } from './intent-model.js';

/** Fewer examples or intents than this: too little to fold, the model stays uncalibrated. */
const MIN_EXAMPLES = 20;
/**
 * Each fold also holds some intents out entirely, so the confidence model sees messages of no
 * known intent; with fewer intents than this, holding one out would leave too little.
 */
const MIN_INTENTS = 3;
/** Share of intents held out of each fold model: their messages stand in for out-of-scope ones. */
const HELD_OUT_SHARE = 0.1;
/**
 * What a stand-in out-of-scope message counts for in the confidence model, against 1 for a
 * message of a known intent. With a tenth of the intents held out, the confidence is the
 * probability of being right when about one message in twenty is about something the bot was
 * never taught. Counted fully (one in ten), the confidence of in-scope messages sank with it:
 * on hwu64 the default threshold cost 7.0 points of accuracy against 5.5, snips2017-70 3.4
 * against 1.9, braun-webapps 15.3 against 5.1, while hwu64~oos's untaught messages caught
 * went from 0.56 to 0.53 (the floor is 0.5; a quarter went to 0.42).
 */
export const OUT_OF_SCOPE_WEIGHT = 0.5;
/** Held-out messages used to fit the expert weights (the fit costs classes × messages). */
const MAX_POOL_EXAMPLES = 4000;
const SWEEP = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

/** One threshold of the sweep, measured on the held-out folds. */
export interface CalibrationPoint {
  threshold: number;
  /** Held-out messages of known intents answered by their own intent at this threshold. */
  inScopeAccuracy: number;
  /** Held-out messages of known intents that get the fallback at this threshold. */
  fallbackRate: number;
  /** Messages of intents held out of the fold model that get the fallback (null without any). */
  oosRecall: number | null;
}

/** How well the confidence means "probability this intent is right", on the held-out folds. */
export interface CalibrationReport {
  folds: number;
  examples: number;
  outOfScopeExamples: number;
  /** Accuracy of held-out messages of known intents without any threshold. */
  accuracy: number;
  /** Expected calibration error of the fitted confidence (10 bins). */
  ece: number;
  /** Expected calibration error of the confidence before calibration, for comparison. */
  eceUncalibrated: number;
  sweep: CalibrationPoint[];
}

export interface IntentTraining {
  featureOptions: TextFeatureOptions;
  vocabulary: { minCount: number; maxFeatures: number };
  options: IntentTrainOptions;
  encoderId: string | null;
  /** Folds for calibration; below 2, the model stays uncalibrated. */
  folds: number;
}

/**
 * Trains the intent classifier and calibrates it: `folds` models, each trained without one fold
 * of every intent's examples and without a few intents altogether, predict the messages they
 * did not see; the expert weights and the confidence model are fitted on those predictions,
 * so the confidence is the probability of being right on messages the bot was not taught.
 * The same data and seed give the same model.
 */
export async function trainIntentModel(
  docs: readonly IntentDoc[],
  labels: string[],
  training: IntentTraining,
  onProgress: (fraction: number, epoch: number, epochs: number) => void = () => undefined,
): Promise<{ model: IntentModel; calibration: CalibrationReport | null }> {
  const { featureOptions, vocabulary, options, encoderId } = training;
  const K = docs.length >= MIN_EXAMPLES && labels.length >= MIN_INTENTS ? training.folds : 0;
  const runs = K >= 2 ? K + 1 : 1;
  // The fold models first, each garbage once it has scored its fold, and the model trained on
  // everything last: it is not alive next to a fold model (peak memory of a big bot).
  const folds = runs === 1 ? null : await outOfFoldScores(docs, labels, training, K, onProgress);
  const model = await IntentModel.train(
    docs,
    labels,
    featureOptions,
    vocabulary,
    options,
    encoderId,
    ({ epoch, epochs }) => onProgress((runs - 1 + epoch / epochs) / runs, epoch, epochs),
  );
  if (!folds) return { model, calibration: null };
  const { scored, gold, inScope } = folds;
  const calibration = fitCalibration(scored, gold, inScope, model.poolPrior);
  const report = calibrationReport(
    scored,
    gold,
    inScope,
    calibration,
    model.artifact.defaultPool,
    K,
  );
  return { model: model.withCalibration(calibration), calibration: report };
}

/** Each example scored by the fold model that did not see it (see `trainIntentModel`). */
async function outOfFoldScores(
  docs: readonly IntentDoc[],
  labels: string[],
  training: IntentTraining,
  K: number,
  onProgress: (fraction: number, epoch: number, epochs: number) => void,
): Promise<{ scored: ScoredExample[]; gold: number[]; inScope: boolean[] }> {
  const { featureOptions, vocabulary, options, encoderId } = training;
  const runs = K + 1;
  const random = createPrng(options.seed + 1);
  const fold = assignFolds(docs, labels.length, K, random);
  const heldOut = heldOutIntents(labels.length, K, random);
  const scored: ScoredExample[] = [];
  const gold: number[] = [];
  const inScope: boolean[] = [];
  for (let k = 0; k < K; k++) {
    const trainDocs = docs.filter((d, i) => fold[i] !== k && !heldOut[k]!.has(d.label));
    const foldModel = await IntentModel.train(
      trainDocs,
      labels,
      featureOptions,
      vocabulary,
      { ...options, seed: options.seed + 1 + k },
      encoderId,
      ({ epoch, epochs }) => onProgress((k + epoch / epochs) / runs, epoch, epochs),
    );
    for (const [i, d] of docs.entries()) {
      if (fold[i] !== k) continue;
      scored.push(foldModel.expertScores(d.tokens, d.extra, d.dense ?? null));
      gold.push(d.label);
      inScope.push(!heldOut[k]!.has(d.label));
      await yieldIfDue();
    }
  }
  return { scored, gold, inScope };
}

/** Each intent's examples spread over the folds in a seeded order (every fold gets some of each). */
function assignFolds(
  docs: readonly IntentDoc[],
  classes: number,
  K: number,
  random: () => number,
): number[] {
  const byLabel = Array.from({ length: classes }, () => [] as number[]);
  docs.forEach((d, i) => byLabel[d.label]!.push(i));
  const fold = new Array<number>(docs.length).fill(0);
  byLabel.forEach((indices, label) =>
    shuffled(indices, random).forEach((i, j) => (fold[i] = (j + label) % K)),
  );
  return fold;
}

/** Disjoint seeded sets of intents, one per fold, that its model is not trained on at all. */
function heldOutIntents(classes: number, K: number, random: () => number): Array<Set<number>> {
  const order = shuffled(
    Array.from({ length: classes }, (_, c) => c),
    random,
  );
  const per = Math.max(1, Math.min(Math.floor(classes / K), Math.round(classes * HELD_OUT_SHARE)));
  return Array.from({ length: K }, (_, k) => new Set(order.slice(k * per, (k + 1) * per)));
}

function fitCalibration(
  scored: readonly ScoredExample[],
  gold: readonly number[],
  inScope: readonly boolean[],
  start: readonly number[],
): Calibration {
  const known = scored.flatMap((s, i) => (inScope[i] ? [i] : []));
  const stride = Math.max(1, Math.ceil(known.length / MAX_POOL_EXAMPLES));
  const sample = known.filter((_, j) => j % stride === 0);
  const pool = fitPool(
    sample.map((i) => scored[i]!),
    sample.map((i) => gold[i]!),
    start,
  );
  const features = scored.map((s) => plattFeatures(pooledProbabilities(s.scores, pool), s));
  const correct = scored.map(
    (s, i) => inScope[i]! && argmax(pooledProbabilities(s.scores, pool)) === gold[i],
  );
  const weights = inScope.map((known) => (known ? 1 : OUT_OF_SCOPE_WEIGHT));
  return { pool, platt: fitPlatt(features, correct, weights) };
}

function calibrationReport(
  scored: readonly ScoredExample[],
  gold: readonly number[],
  inScope: readonly boolean[],
  calibration: Calibration,
  defaultPool: readonly number[],
  folds: number,
): CalibrationReport {
  const outcomes = scored.map((s, i) => {
    const p = pooledProbabilities(s.scores, calibration.pool);
    const raw = pooledProbabilities(s.scores, defaultPool);
    return {
      inScope: inScope[i]!,
      correct: inScope[i]! && argmax(p) === gold[i],
      rawCorrect: inScope[i]! && argmax(raw) === gold[i],
      confidence: plattConfidence(calibration.platt, plattFeatures(p, s)),
      rawConfidence: Math.max(...raw) * Math.min(1, 0.35 + s.coverage),
    };
  });
  const known = outcomes.filter((o) => o.inScope);
  const unknown = outcomes.filter((o) => !o.inScope);
  const share = (n: number, d: number): number => (d === 0 ? 0 : round(n / d));
  return {
    folds,
    examples: outcomes.length,
    outOfScopeExamples: unknown.length,
    accuracy: share(known.filter((o) => o.correct).length, known.length),
    ece: round(
      expectedCalibrationError(
        outcomes.map((o) => o.confidence),
        outcomes.map((o) => o.correct),
      ),
    ),
    eceUncalibrated: round(
      expectedCalibrationError(
        outcomes.map((o) => o.rawConfidence),
        outcomes.map((o) => o.rawCorrect),
      ),
    ),
    sweep: SWEEP.map((threshold) => ({
      threshold,
      inScopeAccuracy: share(
        known.filter((o) => o.correct && o.confidence >= threshold).length,
        known.length,
      ),
      fallbackRate: share(known.filter((o) => o.confidence < threshold).length, known.length),
      oosRecall:
        unknown.length === 0
          ? null
          : share(unknown.filter((o) => o.confidence < threshold).length, unknown.length),
    })),
  };
}

function argmax(p: Float32Array): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
