import type { SystemEntityName } from '@parley/domain';
import { EntityModel } from '../model/entity-model.js';
import type { EntityDefinitionLike } from '../model/entity-model.js';
import { SYSTEM_ENTITY_NAMES } from '../extractors/system-extractor.js';
import { withoutInvisible } from '../text/invisible-characters.js';
import { tokenize } from '../text/tokenize.js';
import { modelLanguage } from '../model/model-language.js';
import type { NluParser, ParseOptions, ParseResult } from '../types.js';

export interface EntityParserOptions {
  /** System entities to extract; all of them by default. */
  systemEntities?: readonly SystemEntityName[];
  /** Intent reported for every message (the bot's fallback intent). */
  fallbackIntent?: string;
  /** The bot's language (an IETF tag); English by default. */
  language?: string;
}

/**
 * A parser without a trained model: lookup, regex and system entities only, and the fallback
 * intent with confidence 0 — so a bot that was never trained still gets dates, numbers and its
 * listed values while slot filling.
 * @example
 * const parser = createEntityParser([{ name: 'city', values: [{ value: 'Paris', synonyms: [] }], patterns: [], fuzzy: false }]);
 * (await parser.parse('to paris tomorrow')).entities.map((e) => e.name) // ['city', 'sys.date']
 */
export function createEntityParser(
  definitions: ReadonlyArray<Pick<EntityDefinitionLike, 'name'> & Partial<EntityDefinitionLike>>,
  options: EntityParserOptions = {},
): NluParser {
  const model = new EntityModel({
    definitions: definitions.map((d) => ({
      name: d.name,
      values: d.values ?? [],
      patterns: d.patterns ?? [],
      fuzzy: d.fuzzy ?? false,
    })),
    trainingValues: {},
    systemEntities: [...(options.systemEntities ?? SYSTEM_ENTITY_NAMES)],
    labeller: null,
    language: modelLanguage(options.language),
  });
  const intent = { name: options.fallbackIntent ?? 'fallback', confidence: 0 };
  return {
    async parse(message: string, parseOptions: ParseOptions = {}): Promise<ParseResult> {
      const visible = withoutInvisible(message);
      const { text } = visible;
      const entities = model.extract({
        text,
        tokens: tokenize(text, model.language),
        referenceTime: parseOptions.referenceTime ?? new Date(),
        timeZone: parseOptions.timeZone ?? 'UTC',
        ...(parseOptions.expectedEntity ? { expectedEntity: parseOptions.expectedEntity } : {}),
      });
      return { intent, ranking: [intent], entities: visible.restore(entities), source: 'none' };
    },
  };
}
