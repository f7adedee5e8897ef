import type { Range, WordSegment } from './spans';

/** A keyboard selection over the words of an example: a cursor word and an anchor word. */
export interface WordSelection {
  anchor: number;
  cursor: number;
}

/** Moves the cursor one word; with `extend` the anchor stays, so the selection grows. */
export function moveSelection(
  current: WordSelection | null,
  words: readonly WordSegment[],
  direction: 1 | -1,
  extend: boolean,
): WordSelection | null {
  if (words.length === 0) return null;
  if (!current) {
    const start = direction === 1 ? 0 : words.length - 1;
    return { anchor: start, cursor: start };
  }
  const cursor = Math.min(words.length - 1, Math.max(0, current.cursor + direction));
  return { anchor: extend ? current.anchor : cursor, cursor };
}

/** The text range a keyboard selection covers. */
export function selectionRange(
  selection: WordSelection | null,
  words: readonly WordSegment[],
): Range | null {
  if (!selection) return null;
  const first = words[Math.min(selection.anchor, selection.cursor)];
  const last = words[Math.max(selection.anchor, selection.cursor)];
  return first && last ? { begin: first.begin, end: last.end } : null;
}
