import { ZNluConfig } from '../config.js';
import { trainModel } from '../model/train-model.js';
import type { TrainingData } from '../types.js';
import { createPrng, shuffled } from '../util/prng.js';
import type { EvaluationOptions, EvaluationReport } from './evaluate.js';
import {
  DEFAULT_THRESHOLD,
  measureModelBytes,
  peakRssMb,
  percentile,
  predictAll,
} from './evaluate.js';
import type { TestItem } from './exchange-format.js';
import { fallbackTradeoff, misclassified, scoreQuality } from './metrics.js';
import type { FallbackPoint, Misclassification, Prediction } from './metrics.js';

export interface Fold {
  train: TrainingData;
  test: TestItem[];
}

/**
 * Stratified k-fold split: each intent's examples are shuffled (seeded) and dealt round-robin
 * to the folds, so every fold has every intent in proportion.
 */
export function splitFolds(data: TrainingData, folds: number, seed: number): Fold[] {
  const random = createPrng(seed);
  const assignment = data.intents.map((intent) => {
    const order = shuffled(
      intent.trainingData.map((_, i) => i),
      random,
    );
    const fold = new Array<number>(intent.trainingData.length);
    order.forEach((exampleIndex, k) => (fold[exampleIndex] = k % folds));
    return fold;
  });
  return Array.from({ length: folds }, (_, f) => ({
    train: {
      ...data,
      intents: data.intents.map((intent, i) => ({
        ...intent,
        trainingData: intent.trainingData.filter((_, k) => assignment[i]?.[k] !== f),
      })),
    },
    test: data.intents.flatMap((intent, i) =>
      intent.trainingData
        .filter((_, k) => assignment[i]?.[k] === f)
        .map((ex) => ({
          text: ex.text,
          intent: intent.intentId,
          entities: (ex.entities ?? []).map((e) => ({
            name: e.name,
            value: e.value,
            begin: e.begin,
            end: e.end,
          })),
        })),
    ),
  }));
}

export type CrossValidationReport = EvaluationReport & {
  folds: number;
  foldAccuracies: number[];
  /** The held-out examples the model got wrong (at most 200, most confident first). */
  misclassified: Misclassification[];
  /** In-scope accuracy and fallback rate at other thresholds, to choose the bot's from. */
  fallbackTradeoff: FallbackPoint[];
};

/** k-fold cross-validation; quality is computed over the pooled predictions of all folds. */
export async function crossValidate(
  data: TrainingData,
  folds: number,
  options: EvaluationOptions = {},
): Promise<CrossValidationReport> {
  const seed = ZNluConfig.parse(options.config ?? {}).seed;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const pooled: Prediction[] = [];
  const latencies: number[] = [];
  const foldAccuracies: number[] = [];
  let trainSeconds = 0;
  let modelBytes = 0;
  for (const fold of splitFolds(data, folds, seed)) {
    const started = performance.now();
    const model = await trainModel(
      fold.train,
      options.config,
      options.onProgress,
      options.encoder === undefined ? {} : { encoder: options.encoder },
    );
    trainSeconds += (performance.now() - started) / 1000;
    const { predictions, latenciesMs } = await predictAll(model, fold.test, options);
    pooled.push(...predictions);
    latencies.push(...latenciesMs);
    foldAccuracies.push(scoreQuality(predictions, threshold).intent.accuracy);
    modelBytes = Math.max(modelBytes, await measureModelBytes(model));
  }
  return {
    ...scoreQuality(pooled, threshold),
    trainSeconds: Math.round((trainSeconds / folds) * 1000) / 1000,
    parseP50Ms: percentile(latencies, 50),
    parseP99Ms: percentile(latencies, 99),
    peakRssMb: peakRssMb(),
    modelBytes,
    trainExamples: data.intents.reduce((s, i) => s + i.trainingData.length, 0),
    testExamples: pooled.length,
    folds,
    foldAccuracies,
    misclassified: misclassified(pooled, threshold),
    fallbackTradeoff: fallbackTradeoff(pooled),
  };
}
