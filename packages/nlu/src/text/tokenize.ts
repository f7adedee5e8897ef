import { foldText } from './normalize.js';

/** A token of the original message; offsets index the original string, `end` exclusive. */
export interface Token {
  /** The text as written. */
  raw: string;
  /** Lower-cased, accent-folded form used for features and matching. */
  norm: string;
  begin: number;
  end: number;
  kind: 'word' | 'number' | 'emoji' | 'punct';
}

// Words keep inner apostrophes-free letters/digits; numbers keep their decimal or time separators
// ("3.5", "10:30") so that a value is one token, also with a unit or suffix ("5:30pm",
// "12.04LTS", "2.5GHz"); emoji sequences (ZWJ, skin tones) stay whole.
const TOKEN_RE =
  /(\p{N}+(?:[.,:/]\p{N}+)*(?![\p{L}\p{M}\p{N}_]|[.,:/]\p{N}))|([\p{L}\p{M}][\p{L}\p{M}\p{N}_]*|[\p{N}_]+(?:[.,:/]\p{N}+)*[\p{L}\p{M}\p{N}_]*)|(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)|(\S)/gu;

/**
 * Splits a message into tokens without changing it, so that every token and every entity span
 * maps back to the original characters (accents and emoji included).
 * @example tokenize("Café at 10:30 🙂").map((t) => t.norm) // ['cafe', 'at', '10:30', '🙂']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const raw = match[0];
    const begin = match.index;
    const kind = match[1] ? 'number' : match[2] ? 'word' : match[3] ? 'emoji' : 'punct';
    tokens.push({ raw, norm: foldText(raw), begin, end: begin + raw.length, kind });
  }
  return tokens;
}
