import type { SupportedLanguage } from '@parley/domain';
import { createSystemExtractor } from '../extractors/system-extractor.js';
import { tokenize } from '../text/tokenize.js';
import type { JsonValue } from '../types.js';

/**
 * The system entities a bot in `language` finds in a message at `now` in `timeZone`, each as
 * its name, value and the text it covers: what the per-language tests compare.
 */
export function systemEntitiesIn(
  language: SupportedLanguage,
  timeZone: string,
  now: Date,
): (text: string) => Array<{ name: string; value: JsonValue; at: string }> {
  const extractor = createSystemExtractor(undefined, language);
  return (text) =>
    extractor
      .extract({ text, tokens: tokenize(text, language), referenceTime: now, timeZone })
      .map((e) => ({ name: e.name, value: e.value, at: text.slice(e.begin, e.end) }));
}
