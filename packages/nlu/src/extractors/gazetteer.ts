import type { SupportedLanguage } from '@parley/domain';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../text/tokenize.js';

export interface GazetteerEntry {
  /** Folded token sequence that is matched. */
  tokens: string[];
  entity: string;
  /** Canonical value the phrase resolves to. */
  value: string;
}

export interface GazetteerMatch {
  entity: string;
  value: string;
  /** Token indices, `end` exclusive. */
  start: number;
  end: number;
  /** Edit distance used (0 for exact matches). */
  edits: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: GazetteerEntry[];
}

const MAX_PHRASE_TOKENS = 12;

/** Token trie over phrases (entity values and synonyms); folded tokens, so case and accents don't matter. */
export class Gazetteer {
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  private readonly vocabulary = new Set<string>();

  /** Phrases are tokenized as the messages they are matched in. */
  constructor(private readonly language: SupportedLanguage = 'en') {}

  add(phrase: string, entity: string, value: string): void {
    const tokens = phraseWords(tokenize(phrase, this.language, false));
    if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) return;
    let node = this.root;
    for (const t of tokens) {
      this.vocabulary.add(t);
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { next: new Map(), entries: [] }));
      node = child;
    }
    if (!node.entries.some((e) => e.entity === entity))
      node.entries.push({ tokens, entity, value });
  }

  /**
   * All phrase occurrences in the token list. With `fuzzy`, a token of 4+ characters that is
   * not a known word may match a phrase token at edit distance 1 (a typo).
   */
  match(
    tokens: readonly Token[],
    fuzzy: (entity: string) => boolean = () => false,
  ): GazetteerMatch[] {
    const matches: GazetteerMatch[] = [];
    const words = tokens.map((t) => t.norm);
    for (let start = 0; start < words.length; start++) {
      this.walk(words, start, start, this.root, 0, fuzzy, matches);
    }
    return matches;
  }

  private walk(
    words: string[],
    start: number,
    i: number,
    node: TrieNode,
    edits: number,
    fuzzy: (entity: string) => boolean,
    out: GazetteerMatch[],
  ): void {
    if (i > start) {
      for (const e of node.entries) {
        if (edits === 0 || fuzzy(e.entity))
          out.push({ entity: e.entity, value: e.value, start, end: i, edits });
      }
    }
    const word = words[i];
    if (word === undefined) return;
    const exact = node.next.get(word);
    if (exact) this.walk(words, start, i + 1, exact, edits, fuzzy, out);
    if (edits > 0 || word.length < 4 || this.vocabulary.has(word)) return;
    for (const [key, child] of node.next) {
      if (key !== word && withinOneEdit(word, key))
        this.walk(words, start, i + 1, child, edits + 1, fuzzy, out);
    }
  }
}

/**
 * The words a phrase is matched by: folded tokens without punctuation, except "&" ("AT&T",
 * "R&B"). Entity values, synonyms and labelled spans all go through here, so they agree.
 */
export function phraseWords(tokens: readonly Token[]): string[] {
  return tokens.filter(isPhraseWord).map((t) => t.norm);
}

/** Whether phrase matching reads the token (see `phraseWords`). */
export function isPhraseWord(token: Token): boolean {
  return token.kind !== 'punct' || token.raw === '&';
}

/** `phraseWords` as one string: the key two spellings of the same phrase share. */
export function phraseKey(tokens: readonly Token[]): string {
  return phraseWords(tokens).join(' ');
}

/** Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or transposition). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
