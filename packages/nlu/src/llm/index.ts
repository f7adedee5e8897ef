export { createLlmParser } from './llm-parser.js';
export type { CreateLlmParserParams, LlmParser, LlmParserStatus } from './llm-parser.js';
export { createHybridParser } from './hybrid-parser.js';
export type { CreateHybridParserParams, HybridDecision, HybridReason } from './hybrid-parser.js';
export { createDefaultEntityNormalizer } from './entity-normalizer.js';
export type {
  EntityCandidate,
  EntityNormalizer,
  NormalizeContext,
  NormalizedEntity,
} from './entity-normalizer.js';
export { ZLlmParserOptions, normalizeBaseUrl } from './llm-options.js';
export type {
  LlmEndpointSettings,
  LlmParserOptions,
  LlmParserOptionsInput,
  ResponseFormatMode,
} from './llm-options.js';
export { redactSecret } from './redact.js';
export type {
  CircuitState,
  ConfidenceSource,
  LlmBot,
  LlmCallRecord,
  LlmEntityType,
  LlmFailure,
  LlmFailureKind,
  LlmIntent,
  LlmParseOutcome,
  LlmParserEvent,
} from './llm-types.js';
export { withSystemEntities } from './system-entity-normalizer.js';
