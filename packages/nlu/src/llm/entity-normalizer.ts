import type { JsonValue, ParseOptions } from '../types.js';
import { escapeRegExp } from './llm-confidence.js';
import type { LlmEntityType } from './llm-types.js';

/** An entity as the LLM named it: its type, the text it says it read, and the value it chose. */
export interface EntityCandidate {
  entityType: string;
  text: string;
  value: string;
}

export interface NormalizeContext {
  message: string;
  options: ParseOptions;
  /** Spans already taken by earlier entities of this message: a second "Paris" is the next one. */
  occupied: ReadonlyArray<{ begin: number; end: number }>;
}

/**
 * Where an entity is in the message and what it resolves to. An entity whose type allows
 * unlisted values but that is not written in the message has the empty span `begin = end = 0`.
 */
export interface NormalizedEntity {
  value: JsonValue;
  raw: string;
  begin: number;
  end: number;
}

/**
 * Locates an LLM entity in the message and resolves its value, the way the local pipeline does.
 * Returns `null` to drop it (unknown type, not in the message, not resolvable).
 * The local NLU's synonym and system-entity resolvers plug in here.
 */
export interface EntityNormalizer {
  normalize(
    candidate: EntityCandidate,
    context: NormalizeContext,
  ): NormalizedEntity | null | Promise<NormalizedEntity | null>;
}

/**
 * Lookup values and synonyms (case-insensitive, to the canonical value) and regex patterns from
 * the entity definitions; `sys.*` entities pass the text through as written.
 *
 * @example
 * const normalizer = createDefaultEntityNormalizer(bot.entities);
 * normalizer.normalize({ entityType: 'city', text: 'NYC', value: 'NYC' }, { message: 'to NYC', options: {}, occupied: [] });
 * // → { value: 'New York', raw: 'NYC', begin: 3, end: 6 }
 */
export function createDefaultEntityNormalizer(
  entities: readonly LlmEntityType[],
): EntityNormalizer {
  const types = new Map(entities.map((entity) => [entity.name, compileType(entity)]));
  return {
    normalize(candidate, context) {
      const isSystem = candidate.entityType.startsWith('sys.');
      const type = types.get(candidate.entityType);
      if (!type && !isSystem) return null;
      const canonicalOfValue = type?.canonical.get(fold(candidate.value));
      const needles = [
        candidate.text,
        candidate.value,
        ...(canonicalOfValue ? (type?.spellings.get(canonicalOfValue) ?? []) : []),
      ];
      const span = locate(context.message, needles, context.occupied);
      if (!span) {
        if (!type?.definition.allowUnlisted || !candidate.value) return null;
        const raw = candidate.text || candidate.value;
        return { value: canonicalOfValue ?? candidate.value, raw, begin: 0, end: 0 };
      }
      if (isSystem || !type) return { ...span, value: span.raw };
      const narrowed = narrowToPattern(span, type.patterns);
      const value = type.canonical.get(fold(narrowed.raw)) ?? canonicalOfValue ?? narrowed.raw;
      return { ...narrowed, value };
    },
  };
}

interface CompiledType {
  definition: LlmEntityType;
  /** folded spelling (value or synonym) → canonical value */
  canonical: Map<string, string>;
  /** canonical value → every spelling */
  spellings: Map<string, string[]>;
  patterns: RegExp[];
}

function compileType(definition: LlmEntityType): CompiledType {
  const canonical = new Map<string, string>();
  const spellings = new Map<string, string[]>();
  for (const entry of definition.values ?? []) {
    const all = [entry.value, ...(entry.synonyms ?? [])];
    spellings.set(entry.value, all);
    for (const spelling of all) {
      if (!canonical.has(fold(spelling))) canonical.set(fold(spelling), entry.value);
    }
  }
  const patterns = (definition.patterns ?? []).flatMap((source) => {
    const compiled = compilePattern(source);
    return compiled ? [compiled] : [];
  });
  return { definition, canonical, spellings, patterns };
}

function compilePattern(source: string): RegExp | null {
  for (const flags of ['iu', 'i']) {
    try {
      return new RegExp(source, flags);
    } catch {
      // not valid in this mode; a pattern that is valid in none is ignored, as the local extractor does
    }
  }
  return null;
}

type Span = { raw: string; begin: number; end: number };

/** First occurrence of any needle, whole words first, skipping occupied spans; case-insensitive. */
function locate(
  message: string,
  needles: readonly string[],
  occupied: NormalizeContext['occupied'],
): Span | null {
  const usable = [...new Set(needles.map((needle) => needle.trim()).filter(Boolean))];
  for (const wholeWord of [true, false]) {
    for (const needle of usable) {
      const body = escapeRegExp(needle).replace(/\s+/g, '\\s+');
      const source = wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
      for (const match of message.matchAll(new RegExp(source, 'giu'))) {
        const begin = match.index;
        const end = begin + match[0].length;
        const taken = occupied.some((span) => begin < span.end && span.begin < end);
        if (!taken) return { raw: match[0], begin, end };
      }
    }
  }
  return null;
}

/** "order 12345" with pattern `\d{5}` → "12345": the pattern says which part is the entity. */
function narrowToPattern(span: Span, patterns: readonly RegExp[]): Span {
  for (const pattern of patterns) {
    const match = pattern.exec(span.raw);
    if (match && match[0].length > 0) {
      const begin = span.begin + match.index;
      return { raw: match[0], begin, end: begin + match[0].length };
    }
  }
  return span;
}

function fold(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
