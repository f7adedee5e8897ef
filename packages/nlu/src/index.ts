// What other packages use: training, loading and parsing, the parsers' contract, the LLM and
// hybrid parsers. Evaluation and scoring are under `@parley/nlu/eval`, test servers under
// `@parley/nlu/testing`.
export type * from './types.js';
export { ZNluConfig, DEFAULT_NLU_CONFIG } from './config.js';
export type { NluConfig, NluConfigInput } from './config.js';
export {
  NluError,
  ModelFormatError,
  ModelCorruptError,
  ModelEncoderUnavailableError,
  InvalidEntityPatternError,
  InvalidTrainingDataError,
} from './errors.js';
export { trainModel } from './model/train-model.js';
export type { LocalNluModel, ModelInfo } from './model/local-nlu-model.js';
export { loadModel, saveModel } from './model/model-artifacts.js';
export type { ModelManifest, SavedModel } from './model/model-artifacts.js';
export { hashTrainingData } from './model/hash-training-data.js';
export { createEntityParser } from './pipeline/entity-parser.js';
export type { EntityParserOptions } from './pipeline/entity-parser.js';
export { loadSentenceEncoder } from './encoder/load-sentence-encoder.js';
export { SentenceEncoderError } from './encoder/sentence-encoder-error.js';
export type { DenseEncoder } from './features/dense-encoder.js';
export { createLlmParser } from './llm/llm-parser.js';
export type { CreateLlmParserParams, LlmParser, LlmParserStatus } from './llm/llm-parser.js';
export { createHybridParser } from './llm/hybrid-parser.js';
export type {
  CreateHybridParserParams,
  HybridDecision,
  HybridReason,
} from './llm/hybrid-parser.js';
export type { LlmEndpointSettings } from './llm/llm-options.js';
export type { LlmCallRecord, LlmFailureKind, LlmParserEvent } from './llm/llm-types.js';
