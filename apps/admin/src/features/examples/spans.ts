// The pure offset logic of annotation. Offsets are UTF-16 code units from the start of the
// example text — what String.prototype.slice, the API and the NLU all count — so an emoji
// is two units and "é" written as e + U+0301 is two as well.
import type { EntitySpan } from '../../api/types';

export interface Range {
  begin: number;
  end: number;
}

export interface WordSegment extends Range {
  text: string;
  /** Letters or digits (not spaces or punctuation). */
  isWord: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: 'word' });
    segmenters.set(language, found);
  }
  return found;
}

/** The text's segments as Intl.Segmenter cuts them (words, spaces, punctuation). */
export function segmentWords(text: string, language = 'en'): WordSegment[] {
  return [...segmenter(language).segment(text)].map((part) => ({
    text: part.segment,
    begin: part.index,
    end: part.index + part.segment.length,
    isWord: part.isWordLike === true,
  }));
}

/**
 * Widens a selection to whole words and trims spaces and punctuation at its edges;
 * null when it holds no word.
 */
export function snapToWords(text: string, range: Range, language = 'en'): Range | null {
  const lo = Math.max(0, Math.min(range.begin, range.end));
  const hi = Math.min(text.length, Math.max(range.begin, range.end));
  const touched = segmentWords(text, language).filter(
    (segment) => segment.isWord && segment.end > lo && segment.begin < Math.max(hi, lo + 1),
  );
  if (hi === lo) return null;
  const first = touched[0];
  const last = touched.at(-1);
  if (!first || !last) return null;
  return { begin: first.begin, end: last.end };
}

/** Whether a range starts and ends on word boundaries of the text. */
export function isWordAligned(text: string, range: Range, language = 'en'): boolean {
  if (range.begin < 0 || range.end > text.length || range.end <= range.begin) return false;
  const segments = segmentWords(text, language);
  const starts = new Set(segments.map((segment) => segment.begin));
  const ends = new Set(segments.map((segment) => segment.end));
  return starts.has(range.begin) && ends.has(range.end);
}

export function overlaps(spans: readonly Range[], range: Range): boolean {
  return spans.some((span) => span.begin < range.end && range.begin < span.end);
}

export type AddSpanResult =
  { ok: true; spans: EntitySpan[] } | { ok: false; reason: 'empty' | 'overlap' };

/** Tags `range` of `text` as `name`; refuses a range that overlaps an existing tag. */
export function addSpan(
  text: string,
  spans: readonly EntitySpan[],
  range: Range,
  name: string,
): AddSpanResult {
  if (range.end <= range.begin) return { ok: false, reason: 'empty' };
  if (overlaps(spans, range)) return { ok: false, reason: 'overlap' };
  const span: EntitySpan = {
    name,
    value: text.slice(range.begin, range.end),
    begin: range.begin,
    end: range.end,
  };
  return { ok: true, spans: [...spans, span].sort((a, b) => a.begin - b.begin) };
}

export function removeSpan(spans: readonly EntitySpan[], begin: number): EntitySpan[] {
  return spans.filter((span) => span.begin !== begin);
}

/** The one changed region between two texts: same prefix and suffix around it. */
export function diffRegion(
  before: string,
  after: string,
): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut between the halves of a surrogate pair.
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (
    oldEnd > start &&
    newEnd > start &&
    before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)
  ) {
    oldEnd--;
    newEnd--;
  }
  if (oldEnd < before.length && isLowSurrogate(before.charCodeAt(oldEnd))) {
    oldEnd++;
    newEnd++;
  }
  return { start, oldEnd, newEnd };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Moves the tags of `before` onto `after`: tags before the edit stay, tags after it shift by
 * the length change, and a tag the edit touched — inside it, or glued to it so that the word
 * changed — is dropped.
 */
export function shiftSpans(
  before: string,
  after: string,
  spans: readonly EntitySpan[],
  language = 'en',
): EntitySpan[] {
  if (before === after) return [...spans];
  const { start, oldEnd, newEnd } = diffRegion(before, after);
  const delta = newEnd - oldEnd;
  const kept: EntitySpan[] = [];
  for (const span of spans) {
    let moved: Range;
    if (span.end <= start) moved = { begin: span.begin, end: span.end };
    else if (span.begin >= oldEnd) moved = { begin: span.begin + delta, end: span.end + delta };
    else continue;
    // An edit right next to a tag may have changed its word ("Paris" → "Parisian").
    if (!isWordAligned(after, moved, language)) continue;
    kept.push({ ...span, ...moved, value: after.slice(moved.begin, moved.end) });
  }
  return kept;
}

/** Splits text into plain pieces and tagged pieces, in order, for rendering. */
export function pieces(
  text: string,
  spans: readonly EntitySpan[],
): Array<{ begin: number; end: number; span: EntitySpan | null }> {
  const sorted = [...spans].sort((a, b) => a.begin - b.begin);
  const out: Array<{ begin: number; end: number; span: EntitySpan | null }> = [];
  let at = 0;
  for (const span of sorted) {
    if (span.begin < at || span.end > text.length) continue;
    if (span.begin > at) out.push({ begin: at, end: span.begin, span: null });
    out.push({ begin: span.begin, end: span.end, span });
    at = span.end;
  }
  if (at < text.length) out.push({ begin: at, end: text.length, span: null });
  return out;
}
