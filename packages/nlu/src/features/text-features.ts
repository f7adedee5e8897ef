import type { Token } from '../text/tokenize.js';

export interface TextFeatureOptions {
  /** Inclusive range of character n-gram lengths inside words; [0, 0] disables them. */
  charNgrams: readonly [number, number];
  /** Word n-grams over stems, 1 or 2. */
  wordNgrams: number;
}

/**
 * The string features of one message for intent classification: words, stems, stem bigrams
 * (with sentence boundaries) and character n-grams of each word (sub-word features that
 * survive typos and inflections). Extra features (e.g. entity types found) are appended by the caller.
 */
export function textFeatures(tokens: readonly Token[], options: TextFeatureOptions): string[] {
  const out: string[] = [];
  const stems: string[] = ['<s>'];
  for (const token of tokens) {
    if (token.kind === 'punct') continue;
    const s = token.kind === 'number' ? '<num>' : token.stem;
    stems.push(s);
    out.push(`w:${token.norm}`);
    if (s !== token.norm) out.push(`s:${s}`);
    if (token.kind === 'word') pushCharNgrams(out, token.norm, options.charNgrams);
  }
  stems.push('</s>');
  if (options.wordNgrams >= 2) {
    for (let i = 0; i + 1 < stems.length; i++) out.push(`b:${stems[i]} ${stems[i + 1]}`);
  }
  return out;
}

function pushCharNgrams(out: string[], word: string, [min, max]: readonly [number, number]): void {
  if (min <= 0) return;
  const padded = `<${word}>`;
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  }
}
