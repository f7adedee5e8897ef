import { stem } from '../text/stem.js';
import type { Token } from '../text/tokenize.js';

const SHAPE_MAX = 6;

function shape(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
    if (out.length >= SHAPE_MAX) break;
  }
  return out;
}

/**
 * The string features of every token for the sequence labeller: the word, its stem, shape,
 * affixes, a window of two words each side with bigrams, the intent (alone and with the word),
 * and gazetteer marks (`gazetteer[i]`: "entity:B|I|L|U" for phrases covering token i).
 */
export function labellerFeatures(
  tokens: readonly Token[],
  intent: string,
  gazetteer: readonly (readonly string[])[],
): string[][] {
  const word = (k: number): string => tokens[k]?.norm ?? (k < 0 ? '<s>' : '</s>');
  return tokens.map((t, i) => {
    const w = t.norm;
    const f = [
      'bias',
      `w=${w}`,
      `s=${stem(w)}`,
      `sh=${shape(t.raw)}`,
      `k=${t.kind}`,
      `p2=${w.slice(0, 2)}`,
      `p3=${w.slice(0, 3)}`,
      `x2=${w.slice(-2)}`,
      `x3=${w.slice(-3)}`,
      `w-1=${word(i - 1)}`,
      `w+1=${word(i + 1)}`,
      `w-2=${word(i - 2)}`,
      `w+2=${word(i + 2)}`,
      `s-1=${stem(word(i - 1))}`,
      `s+1=${stem(word(i + 1))}`,
      `w-1w=${word(i - 1)}|${w}`,
      `ww+1=${w}|${word(i + 1)}`,
      `w-2w-1=${word(i - 2)}|${word(i - 1)}`,
      `w+1w+2=${word(i + 1)}|${word(i + 2)}`,
      `sh-1=${tokens[i - 1] ? shape(tokens[i - 1]!.raw) : '<s>'}`,
      `sh+1=${tokens[i + 1] ? shape(tokens[i + 1]!.raw) : '</s>'}`,
      `cap=${i > 0 && /^\p{Lu}/u.test(t.raw)}`,
      `capw-1=${i > 0 && /^\p{Lu}/u.test(t.raw)}|${word(i - 1)}`,
      `i=${intent}`,
      `iw=${intent}|${w}`,
      `iw-1=${intent}|${word(i - 1)}`,
    ];
    for (const mark of gazetteer[i] ?? []) f.push(`g=${mark}`);
    for (const mark of gazetteer[i - 1] ?? []) f.push(`g-1=${mark.split(':')[0]}`);
    for (const mark of gazetteer[i + 1] ?? []) f.push(`g+1=${mark.split(':')[0]}`);
    return f;
  });
}
