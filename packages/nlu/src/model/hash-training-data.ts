import type { TrainingData } from '../types.js';
import { canonicalJson, sha256 } from '../util/canonical-json.js';

/**
 * SHA-256 of what training reads (intent ids, examples with spans, entity definitions, system
 * entities in use), independent of intent and entity order: equal hashes mean retraining is moot.
 */
export function hashTrainingData(data: TrainingData): string {
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
  };
  return sha256(canonicalJson(normalized));
}
