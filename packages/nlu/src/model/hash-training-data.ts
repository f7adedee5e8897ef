import { DEFAULT_NLU_CONFIG, type NluConfig } from '../config.js';
import { knowledgeFingerprint } from '../knowledge/knowledge-marks.js';
import type { TrainingData } from '../types.js';
import { canonicalJson, sha256 } from '../util/canonical-json.js';
import { defaultEncoderFor } from '../features/word-vector-encoder.js';
import { modelLanguage } from './model-language.js';
import { MODEL_FORMAT_VERSION } from './model-format.js';

/**
 * SHA-256 of everything that makes a model what it is — what training reads (intent ids,
 * examples with spans, entity definitions, system entities in use, the language, independent of order), the
 * training configuration, the model format and the versions of the knowledge data — so equal
 * hashes mean retraining is moot, and an upgrade that changes any of them retrains.
 */
export function hashTrainingData(
  data: TrainingData,
  config: NluConfig = DEFAULT_NLU_CONFIG,
  /** The dense encoder training will use (default: the shipped one for the bot's language). */
  options: { encoderId?: string | null } = {},
): string {
  const language = modelLanguage(data.language);
  const byKey =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  const normalized = {
    intents: [...data.intents].sort(byKey((i) => i.intentId)).map((i) => ({
      intentId: i.intentId,
      trainingData: i.trainingData.map((ex) => ({
        text: ex.text,
        entities: [...(ex.entities ?? [])].sort((a, b) => a.begin - b.begin || a.end - b.end),
      })),
    })),
    entities: [...data.entities].sort(byKey((e) => e.name)).map((e) => ({
      name: e.name,
      values: e.values,
      patterns: e.patterns,
      fuzzy: e.fuzzy,
    })),
    systemEntities: [...(data.systemEntities ?? [])].sort(),
    // The primary language only: "en-GB" and "en-US" train the same model.
    language,
    // Another encoder is another model: switching NLU_ENCODER_DIR marks models out of date.
    encoder:
      options.encoderId === undefined
        ? (defaultEncoderFor(language)?.id ?? null)
        : options.encoderId,
    config,
    modelFormat: MODEL_FORMAT_VERSION,
    knowledge: knowledgeFingerprint(language),
  };
  return sha256(canonicalJson(normalized));
}
