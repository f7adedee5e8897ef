import type { Token } from '../text/tokenize.js';
import type { ExtractedEntity, ExtractorName } from '../types.js';

/** What every extractor sees for one message. */
export interface ExtractionInput {
  text: string;
  tokens: readonly Token[];
  /** The predicted intent, for extractors that depend on it (the sequence labeller). */
  intent?: string;
  referenceTime: Date;
  timeZone: string;
  /** The entity type being asked for while slot filling. */
  expectedEntity?: string;
}

/** One way of finding entities; all extractors return the same entity shape. */
export interface EntityExtractor {
  readonly name: ExtractorName;
  extract(input: ExtractionInput): ExtractedEntity[];
}

/** Tie-break order when two overlapping entities are equally long and equally confident. */
export const EXTRACTOR_PRIORITY: Record<ExtractorName, number> = {
  lookup: 5,
  regex: 4,
  crf: 3,
  llm: 2,
  system: 1,
};

/**
 * Keeps a set of non-overlapping entities: longest first, then most confident, then extractor
 * priority, then earliest and by name, so the result never depends on the extractors' order.
 */
export function resolveOverlaps(entities: readonly ExtractedEntity[]): ExtractedEntity[] {
  const ranked = [...entities].sort(
    (a, b) =>
      b.end - b.begin - (a.end - a.begin) ||
      b.confidence - a.confidence ||
      EXTRACTOR_PRIORITY[b.extractor] - EXTRACTOR_PRIORITY[a.extractor] ||
      a.begin - b.begin ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const kept: ExtractedEntity[] = [];
  for (const e of ranked) {
    if (kept.every((k) => e.end <= k.begin || e.begin >= k.end)) kept.push(e);
  }
  return kept.sort((a, b) => a.begin - b.begin);
}

/** Character span of tokens [start, end). */
export function tokenSpan(
  tokens: readonly Token[],
  start: number,
  end: number,
): { begin: number; end: number } {
  return { begin: (tokens[start] as Token).begin, end: (tokens[end - 1] as Token).end };
}
