// `@parley/nlu/eval`: evaluation and scoring, for the CLI, the benchmark and the API's
// cross-validation of a trained bot.
export { importExchangeFormat, importTestSet, toTestItems } from './exchange-format.js';
export type { TestItem } from './exchange-format.js';
export { scoreQuality, scoreIntents, scoreEntities, scoreCombined, OOS_LABEL } from './metrics.js';
export type {
  Prediction,
  QualityReport,
  IntentReport,
  PrfReport,
  ClassScores,
  ThresholdPoint,
} from './metrics.js';
export { evaluate, predictAll, DEFAULT_THRESHOLD } from './evaluate.js';
export type { EvaluationOptions, EvaluationReport } from './evaluate.js';
export { evaluatePipeline } from './evaluate-pipeline.js';
export { crossValidate, splitFolds } from './cross-validate.js';
export type { CrossValidationReport } from './cross-validate.js';
