import type { ExtractedEntity } from '../types.js';

/**
 * Characters that change nothing a reader sees but split words for a machine: zero-width
 * space, non-joiner, joiner, word joiner, soft hyphen and the byte-order mark. ("ORD\u200b123"
 * must read as ORD123.) Emoji sequences keep their joiners: a ZWJ between two pictographs is
 * part of the emoji.
 */
const INVISIBLE = /[\u200B\u200C\u2060\u00AD\uFEFF]|\u200D(?!\p{Extended_Pictographic})/gu;

export interface VisibleText {
  /** The text without invisible characters: what the NLU reads. */
  text: string;
  /** Moves entities found in `text` back onto the original message's offsets. */
  restore(entities: ExtractedEntity[]): ExtractedEntity[];
}

export function withoutInvisible(original: string): VisibleText {
  if (!INVISIBLE.test(original)) return { text: original, restore: (entities) => entities };
  INVISIBLE.lastIndex = 0;
  // offsets[i] = index in the original of the i-th kept character (plus one end marker).
  const offsets: number[] = [];
  let text = '';
  let last = 0;
  for (const match of original.matchAll(INVISIBLE)) {
    for (let i = last; i < match.index; i += 1) offsets.push(i);
    text += original.slice(last, match.index);
    last = match.index + match[0].length;
  }
  for (let i = last; i < original.length; i += 1) offsets.push(i);
  text += original.slice(last);
  offsets.push(original.length);
  const at = (index: number) => offsets[index] ?? original.length;
  return {
    text,
    restore: (entities) =>
      entities.map((entity) => {
        const begin = at(entity.begin);
        const end = entity.end > 0 ? at(entity.end - 1) + 1 : begin;
        return { ...entity, begin, end, raw: original.slice(begin, end) };
      }),
  };
}
