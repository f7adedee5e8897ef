/** A run of bot text: plain text, or a link the widget may make clickable. */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// Candidates only: every match is parsed again with URL and kept when it is http(s).
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address ("see https://x.example.").
const TRAILING = '.,;:!?)]}';

/**
 * Splits text into plain runs and http(s) links. Nothing else ever becomes a link
 * (`javascript:`, `data:`, protocol-relative …): the caller renders every part as text
 * nodes, and only `href` parts as anchors.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const candidate = trimTrailing(match[0]);
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function trimTrailing(candidate: string): string {
  let end = candidate.length;
  while (end > 0 && TRAILING.includes(candidate[end - 1]!)) {
    // A closing parenthesis that closes one in the address stays (wikipedia-style links).
    const kept = candidate.slice(0, end);
    if (candidate[end - 1] === ')' && count(kept, '(') >= count(kept, ')')) break;
    end--;
  }
  return candidate.slice(0, end);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The normalised address when it is an absolute http(s) URL, else null. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
