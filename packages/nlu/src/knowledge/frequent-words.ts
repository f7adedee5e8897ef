import { tokenize } from '../text/tokenize.js';

/** A word of a frequency list and the token norm a message's word is looked up by. */
export interface FrequentWord {
  word: string;
  norm: string;
}

/**
 * The first `limit` words of a frequency list (most frequent first) that the tokenizer keeps
 * whole, once per token norm: only those can ever be looked up, and the most frequent spelling
 * of a folded form wins ("münchen" and "munchen" are one norm). The build scripts of the word
 * vectors and the word clusters share it, so both tables hold the words a message can reach.
 */
export function frequentWords(
  byFrequency: readonly string[],
  limit: number,
  keep: (word: string) => boolean = () => true,
): FrequentWord[] {
  const found: FrequentWord[] = [];
  const seen = new Set<string>();
  for (const word of byFrequency) {
    if (found.length === limit) break;
    const tokens = tokenize(word);
    const token = tokens[0];
    if (tokens.length !== 1 || !token || token.kind === 'punct' || token.kind === 'emoji') continue;
    if (seen.has(token.norm) || !keep(word)) continue;
    seen.add(token.norm);
    found.push({ word, norm: token.norm });
  }
  return found;
}
