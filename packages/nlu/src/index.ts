export type * from './types.js';
export {
  ZNluConfig,
  ZIntentClassifierConfig,
  ZEntityConfig,
  DEFAULT_NLU_CONFIG,
} from './config.js';
export type { NluConfig, NluConfigInput } from './config.js';
export {
  NluError,
  ModelFormatError,
  ModelCorruptError,
  InvalidEntityPatternError,
  InvalidTrainingDataError,
} from './errors.js';
export { trainModel } from './model/train-model.js';
export { LocalNluModel } from './model/local-nlu-model.js';
export type { ModelInfo } from './model/local-nlu-model.js';
export {
  loadModel,
  readManifest,
  saveModel,
  modelSizeBytes,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
} from './model/model-artifacts.js';
export type { ModelManifest } from './model/model-artifacts.js';
export { hashTrainingData } from './model/hash-training-data.js';
export { SYSTEM_ENTITY_NAMES } from './extractors/system-extractor.js';
export { resolveOverlaps } from './extractors/extractor.js';
export { createEntityParser } from './pipeline/entity-parser.js';
export type { EntityParserOptions } from './pipeline/entity-parser.js';
export { tokenize } from './text/tokenize.js';
export type { Token } from './text/tokenize.js';
export { importExchangeFormat, importTestSet, toTestItems } from './eval/exchange-format.js';
export type { TestItem } from './eval/exchange-format.js';
export {
  scoreQuality,
  scoreIntents,
  scoreEntities,
  scoreCombined,
  OOS_LABEL,
} from './eval/metrics.js';
export type {
  Prediction,
  QualityReport,
  IntentReport,
  PrfReport,
  ClassScores,
  ThresholdPoint,
} from './eval/metrics.js';
export { evaluate, predictAll, DEFAULT_THRESHOLD } from './eval/evaluate.js';
export type { EvaluationOptions, EvaluationReport } from './eval/evaluate.js';
export { crossValidate, splitFolds } from './eval/cross-validate.js';
export type { CrossValidationReport } from './eval/cross-validate.js';
export * from './llm/index.js';
