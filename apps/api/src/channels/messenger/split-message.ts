/** Messenger's longest text message. */
export const MESSENGER_TEXT_LIMIT = 2000;

/**
 * Splits a text into parts of at most `limit` UTF-16 units (a conservative reading of
 * Messenger's character limit), at the last whitespace before the limit; a word longer than
 * the limit is cut, never inside a surrogate pair. Whitespace at a cut is dropped.
 */
export function splitMessage(text: string, limit = MESSENGER_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    let cut = lastWhitespace(rest, limit);
    if (cut <= 0) cut = isLowSurrogate(rest.charCodeAt(limit)) ? limit - 1 : limit;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Index of the last whitespace at or before `limit` (the part before it fits). */
function lastWhitespace(text: string, limit: number): number {
  for (let i = limit; i > 0; i -= 1) if (/\s/.test(text[i]!)) return i;
  return -1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
