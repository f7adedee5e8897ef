import type { EntityDefinition, SupportedLanguage } from '@parley/domain';
import type { ExtractedEntity } from '../types.js';
import type { EntityExtractor, ExtractionInput } from './extractor.js';
import { tokenSpan } from './extractor.js';
import { Gazetteer } from './gazetteer.js';

const FUZZY_CONFIDENCE = 0.8;

/**
 * Finds entity values and their synonyms in a message; a synonym resolves to its canonical
 * value. Entities marked `fuzzy` also match words with one typo.
 * @example createLookupExtractor([{ name: 'city', values: [{ value: 'New York', synonyms: ['NYC'] }] }])
 */
export function createLookupExtractor(
  definitions: readonly Pick<EntityDefinition, 'name' | 'values' | 'fuzzy'>[],
  language: SupportedLanguage = 'en',
): EntityExtractor {
  const gazetteer = new Gazetteer(language);
  const fuzzy = new Set(definitions.filter((d) => d.fuzzy).map((d) => d.name));
  for (const def of definitions) {
    for (const v of def.values) {
      gazetteer.add(v.value, def.name, v.value);
      for (const s of v.synonyms) gazetteer.add(s, def.name, v.value);
    }
  }
  return {
    name: 'lookup',
    extract({ text, tokens }: ExtractionInput): ExtractedEntity[] {
      return gazetteer
        .match(tokens, (e) => fuzzy.has(e))
        .map((m) => {
          const span = tokenSpan(tokens, m.start, m.end);
          return {
            name: m.entity,
            value: m.value,
            raw: text.slice(span.begin, span.end),
            ...span,
            extractor: 'lookup',
            confidence: m.edits === 0 ? 1 : FUZZY_CONFIDENCE,
          };
        });
    },
  };
}
