import type { ExtractedEntity, IntentScore, NluParser, ParseResult } from '@parley/nlu';

/** The score of a message no rule matches: below any sensible threshold. */
const NO_MATCH_CONFIDENCE = 0.1;

export interface KeywordRule {
  intent: string;
  keywords: string[];
  /** The confidence reported when a keyword matches; 0.9 by default. */
  confidence?: number;
}

export interface KeywordParserTable {
  intents: KeywordRule[];
  /** Entity type → lookup values (whole words, case-insensitive) or a pattern. */
  entities?: Record<string, string[] | RegExp>;
}

/**
 * A table-driven `NluParser` for tests: an intent matches when a keyword occurs as a whole
 * word; entities are found by lookup values or a pattern. Deterministic, no model.
 *
 * @example
 * const nlu = createKeywordParser({ intents: [{ intent: 'greet', keywords: ['hello'] }], entities: { city: ['Paris'] } });
 */
export function createKeywordParser(table: KeywordParserTable): NluParser & { calls: number } {
  const parser = {
    calls: 0,
    async parse(text: string): Promise<ParseResult> {
      parser.calls += 1;
      const ranking: IntentScore[] = table.intents
        .filter((rule) => rule.keywords.some((keyword) => wordPattern(keyword).test(text)))
        .map((rule) => ({ name: rule.intent, confidence: rule.confidence ?? 0.9 }))
        .sort((a, b) => b.confidence - a.confidence);
      const intent = ranking[0] ?? { name: 'none', confidence: NO_MATCH_CONFIDENCE };
      return {
        intent,
        ranking: ranking.length > 0 ? ranking : [intent],
        entities: findEntities(text, table.entities ?? {}),
        source: 'local',
      };
    },
  };
  return parser;
}

function wordPattern(word: string, flags = 'i'): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    `${flags}u`,
  );
}

function findEntities(
  text: string,
  entities: Record<string, string[] | RegExp>,
): ExtractedEntity[] {
  const found: ExtractedEntity[] = [];
  for (const [name, source] of Object.entries(entities)) {
    const patterns = Array.isArray(source)
      ? source.map((value) => [value, wordPattern(value, 'gi')] as const)
      : [[null, new RegExp(source.source, 'g')] as const];
    for (const [canonical, pattern] of patterns) {
      for (const match of text.matchAll(pattern)) {
        const raw = match[0];
        const begin = match.index ?? 0;
        const value = canonical ?? (/^\d+$/.test(raw) ? Number(raw) : raw);
        found.push({
          name,
          value,
          raw,
          begin,
          end: begin + raw.length,
          extractor: canonical ? 'lookup' : 'regex',
          confidence: 1,
        });
      }
    }
  }
  return found.sort((a, b) => a.begin - b.begin);
}
