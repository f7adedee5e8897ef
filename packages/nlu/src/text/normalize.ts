const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;

/**
 * Lower-cases and strips accents ("Münchner" → "munchner"). Used on single tokens, so that
 * the original offsets are untouched; a folded token can be shorter than its raw text.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .toLowerCase();
}
