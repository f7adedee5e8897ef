import { compileEntityPattern, type EntityDefinition } from '@parley/domain';
import { InvalidEntityPatternError } from '../errors.js';
import type { ExtractedEntity } from '../types.js';
import type { EntityExtractor, ExtractionInput } from './extractor.js';

// Bounds the work a user-supplied pattern can do on one message.
const MAX_TEXT_LENGTH = 2_000;
const MAX_MATCHES = 50;

/**
 * Finds entities by their regex patterns (JavaScript syntax, case-insensitive, Unicode).
 * A pattern with a capture group yields the group as the value, otherwise the whole match.
 * Throws `InvalidEntityPatternError` for a pattern that does not compile.
 */
export function createRegexExtractor(
  definitions: readonly Pick<EntityDefinition, 'name' | 'patterns'>[],
): EntityExtractor {
  const compiled = definitions.flatMap((def) =>
    def.patterns.map((pattern) => ({ name: def.name, re: compile(def.name, pattern) })),
  );
  return {
    name: 'regex',
    extract({ text }: ExtractionInput): ExtractedEntity[] {
      const input = text.slice(0, MAX_TEXT_LENGTH);
      const out: ExtractedEntity[] = [];
      for (const { name, re } of compiled) {
        let count = 0;
        for (const m of input.matchAll(re)) {
          if (m[0].length === 0 || ++count > MAX_MATCHES) continue;
          out.push({
            name,
            value: m[1] ?? m[0],
            raw: m[0],
            begin: m.index,
            end: m.index + m[0].length,
            extractor: 'regex',
            confidence: 1,
          });
        }
      }
      return out;
    },
  };
}

function compile(entity: string, pattern: string): RegExp {
  const compiled = compileEntityPattern(pattern);
  if (!compiled.ok) throw new InvalidEntityPatternError(entity, pattern, compiled.error);
  return compiled.regex;
}
