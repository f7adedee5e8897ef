import { createSystemExtractor, SYSTEM_ENTITY_NAMES } from '../extractors/system-extractor.js';
import { tokenize } from '../text/tokenize.js';
import { modelLanguage } from '../model/model-language.js';
import type { SystemEntityName } from '@parley/domain';
import type { EntityNormalizer } from './entity-normalizer.js';

const SYSTEM = new Set<string>(SYSTEM_ENTITY_NAMES);

/**
 * Resolves system entities the LLM named (`sys.date`, `sys.number` …) with the same
 * recognizers as the local pipeline, so "tomorrow at 5" becomes the same ISO date-time and
 * "two" the number 2 whichever parser answered. Other types go to `inner` (lookup values,
 * synonyms, patterns). A system value the recognizers cannot read keeps the text as written.
 */
export function withSystemEntities(inner: EntityNormalizer, language = 'en'): EntityNormalizer {
  const lang = modelLanguage(language);
  return {
    async normalize(candidate, context) {
      const located = await inner.normalize(candidate, context);
      if (!SYSTEM.has(candidate.entityType) || !located || located.end <= located.begin)
        return located;
      const extractor = createSystemExtractor([candidate.entityType as SystemEntityName], lang);
      const found = extractor
        .extract({
          text: context.message,
          tokens: tokenize(context.message, lang),
          referenceTime: context.options.referenceTime ?? new Date(),
          timeZone: context.options.timeZone ?? 'UTC',
        })
        .filter(
          (entity) =>
            entity.name === candidate.entityType &&
            entity.begin < located.end &&
            entity.end > located.begin,
        );
      const best = found.sort((a, b) => b.end - b.begin - (a.end - a.begin))[0];
      return best
        ? { value: best.value, raw: best.raw, begin: best.begin, end: best.end }
        : located;
    },
  };
}
