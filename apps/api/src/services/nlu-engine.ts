import type { EntityDefinition } from '@parley/domain';
import type { NluParser, ProgressCallback, TrainingData } from '@parley/nlu';

/** A freshly trained local model: it parses, and it can be written to its artifact directory. */
export interface TrainedModel extends NluParser {
  /** Writes the model's files into `dir`; `sizeBytes` counts all of them. */
  save(dir: string): Promise<{ sizeBytes: number }>;
  /**
   * Out-of-scope recall by threshold, measured while training: each fold model was trained
   * without a few intents, whose messages stand in for ones the bot was never taught. Null when
   * the bot has too few examples or intents to fold.
   */
  readonly outOfScopeRecall: OutOfScopePoint[] | null;
}

/** Share of messages of untaught intents that get the fallback at a threshold. */
export interface OutOfScopePoint {
  threshold: number;
  oosRecall: number;
}

/** Quality figures stored with a model version (k-fold cross-validation on the bot's own data). */
export interface ModelMetrics {
  folds: number;
  intentAccuracy: number;
  macroF1: number;
  perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<string, Record<string, number>>;
  entityF1: number | null;
  /** Held-out examples the model got wrong (each links to its intent's examples in the admin). */
  misclassified?: Array<{ text: string; expected: string; predicted: string; confidence: number }>;
  /** In-scope accuracy and fallback rate by threshold, shown next to the threshold setting. */
  thresholdTradeoff?: Array<{ threshold: number; inScopeAccuracy: number; fallbackRate: number }>;
  /** Expected calibration error of the confidence on held-out examples (0: it means what it says). */
  calibrationError?: number;
  /** From training (see `TrainedModel.outOfScopeRecall`): shown next to `thresholdTradeoff`. */
  outOfScopeRecall?: OutOfScopePoint[];
}

/**
 * What the API needs from packages/nlu, as one port so the composition root decides the
 * implementation (local TF.js today) and services stay testable.
 */
export interface NluEngine {
  /** Stable hash of the training data: equal data, equal hash (training is skipped). */
  hash(data: TrainingData): string;
  train(data: TrainingData, onProgress: ProgressCallback): Promise<TrainedModel>;
  load(dir: string): Promise<NluParser>;
  crossValidate(
    data: TrainingData,
    folds: number,
    onProgress?: ProgressCallback,
  ): Promise<ModelMetrics>;
  /** Entities only (system, lookup, regex) in the bot's language: what a bot answers with before any training. */
  extractorsOnly(entities: EntityDefinition[], language?: string): NluParser;
}
