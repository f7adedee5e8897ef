import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ZNluSettings } from '@parley/domain';
import type { NluConfigInput } from '../config.js';
import type { DenseEncoder } from '../features/dense-encoder.js';
import type { CalibrationReport } from '../model/out-of-fold.js';
import { saveModel } from '../model/model-artifacts.js';
import { trainModel } from '../model/train-model.js';
import type { LocalNluModel } from '../model/local-nlu-model.js';
import type { NluParser, ProgressCallback, TrainingData } from '../types.js';
import type { TestItem } from './exchange-format.js';
import { scoreQuality } from './metrics.js';
import { yieldIfDue } from '../util/event-loop.js';
import type { Prediction, QualityReport } from './metrics.js';

/** The bot default: below it the fallback intent answers. */
export const DEFAULT_THRESHOLD: number = ZNluSettings.parse({}).threshold;

export interface EvaluationOptions {
  config?: NluConfigInput;
  /** The dense encoder to train with (default: the shipped word vectors; null: none). */
  encoder?: DenseEncoder | null;
  /** Confidence below which a message counts as out of scope (only when the test set has `oos` items). */
  threshold?: number;
  referenceTime?: Date;
  timeZone?: string;
  onProgress?: ProgressCallback;
}

export interface PerformanceReport {
  trainSeconds: number;
  parseP50Ms: number;
  parseP99Ms: number;
  peakRssMb: number;
  modelBytes: number;
}

export type EvaluationReport = QualityReport &
  PerformanceReport & {
    trainExamples: number;
    testExamples: number;
    /** The trained model's own calibration report, measured on its training folds (local models). */
    trainingCalibration?: CalibrationReport | null;
  };

/** Parses every test item with `parser`, timing each call. */
export async function predictAll(
  parser: NluParser,
  items: readonly TestItem[],
  options: Pick<EvaluationOptions, 'referenceTime' | 'timeZone'> = {},
): Promise<{ predictions: Prediction[]; latenciesMs: number[] }> {
  const predictions: Prediction[] = [];
  const latenciesMs: number[] = [];
  for (const item of items) {
    const start = performance.now();
    const result = await parser.parse(item.text, {
      referenceTime: options.referenceTime ?? new Date(),
      timeZone: options.timeZone ?? 'UTC',
    });
    latenciesMs.push(performance.now() - start);
    predictions.push({
      item,
      intent: result.intent.name,
      confidence: result.intent.confidence,
      entities: result.entities,
    });
    // Cross-validation runs inside the API during training: let requests through.
    await yieldIfDue();
  }
  return { predictions, latenciesMs };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[index] as number) * 1000) / 1000;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Bytes on disk of a model, saved to a temporary directory. */
export async function measureModelBytes(model: LocalNluModel): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parley-nlu-'));
  try {
    return (await saveModel(model, dir)).sizeBytes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Trains on `train`, parses `test` and reports quality (intents, entities, Braun combined F1)
 * and cost (train seconds, parse latency, peak RSS, model size).
 */
export async function evaluate(
  train: TrainingData,
  test: readonly TestItem[],
  options: EvaluationOptions = {},
): Promise<EvaluationReport> {
  const started = performance.now();
  const model = await trainModel(
    train,
    options.config,
    options.onProgress,
    options.encoder === undefined ? {} : { encoder: options.encoder },
  );
  const trainSeconds = (performance.now() - started) / 1000;
  const { predictions, latenciesMs } = await predictAll(model, test, options);
  return {
    ...scoreQuality(predictions, options.threshold ?? DEFAULT_THRESHOLD),
    trainSeconds: Math.round(trainSeconds * 1000) / 1000,
    parseP50Ms: percentile(latenciesMs, 50),
    parseP99Ms: percentile(latenciesMs, 99),
    peakRssMb: peakRssMb(),
    modelBytes: await measureModelBytes(model),
    trainExamples: train.intents.reduce((s, i) => s + i.trainingData.length, 0),
    testExamples: test.length,
    trainingCalibration: model.info.calibration,
  };
}
