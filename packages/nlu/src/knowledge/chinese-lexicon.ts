import type { SupportedLanguage } from '@parley/domain';
import { foldText } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';
import { formatGroupedWords, parseGroupedWords, ShippedWords } from './grouped-words.js';
import type { GroupedWords } from './grouped-words.js';

/**
 * Built by `build-chinese-lexicon.ts` from jieba's dictionary (MIT License, Copyright (c) 2013
 * Sun Junyi); shipped with the package, never downloaded.
 */
export const CHINESE_LEXICON_FILE = new URL('../../data/chinese-lexicon.txt.gz', import.meta.url);

const HEADER = '# parley chinese lexicon';
const HAN = /^\p{Script=Han}+$/u;

/**
 * The dictionary's word classes marked over the words they cover: place names (ns), time
 * words (t) and numerals with their measure words (m). Cross-validated on xSID's Chinese
 * training set, these three did better than these and person, organisation and other proper
 * names (nr, nrt, nrfg, nt, nz) together.
 */
const MARKED_CLASSES: ReadonlyMap<string, string> = new Map([
  ['ns', 'place'],
  ['t', 'time'],
  ['m', 'number'],
]);

export interface LexiconEntry {
  /** The word as a token's `norm` spells it. */
  word: string;
  /** Its part-of-speech tag in jieba's (ICTCLAS) tag set: n, v, ns, nr, t, m… */
  tag: string;
}

const NOTICE = 'from jieba (github.com/fxsjy/jieba), MIT License, Copyright (c) 2013 Sun Junyi';

const shipped = new ShippedWords(CHINESE_LEXICON_FILE, HEADER, 'lexicon');

/**
 * Whether the labeller reads the Chinese dictionary: in Chinese only. Japanese kanji words
 * share many of its characters but not its words' classes (cross-validated, see the README).
 */
export function readsChineseLexicon(language: SupportedLanguage): boolean {
  return language === 'zh';
}

/**
 * Per token, knowledge marks from jieba's dictionary of 349k words: "pos-<tag>:U" with the
 * part of speech of the token as a word ("pos-v:U" for 下雨, "pos-n:U" for 餐厅), and
 * "place|time|number:B|I|L|U" over the tokens a place name, time word or numeral covers. A
 * dictionary word may span several of the segmenter's tokens (亚利桑那|州 is one place name,
 * 亚利桑那州); it is marked when its ends fall on token boundaries, as the labeller can only
 * label whole tokens.
 */
export function chineseLexiconMarks(tokens: readonly Token[]): string[][] {
  const { groupOf: tagOf, longest } = shipped.get();
  const marks: string[][] = tokens.map(() => []);
  const push = (i: number, m: string): void => {
    const list = marks[i]!;
    if (!list.includes(m)) list.push(m);
  };
  tokens.forEach((token, first) => {
    if (!isHan(token)) return;
    const tag = tagOf(token.norm);
    if (tag) push(first, `pos-${tag}:U`);
    let word = '';
    for (let last = first; last < tokens.length && isHan(tokens[last]!); last++) {
      word += tokens[last]!.norm;
      if (word.length > longest) break;
      // A single character's class says little (博 and 敦 are names, 绍 a place).
      const cls = word.length > 1 ? MARKED_CLASSES.get(tagOf(word) ?? '') : undefined;
      if (!cls) continue;
      for (let i = first; i <= last; i++)
        push(i, `${cls}:${first === last ? 'U' : i === first ? 'B' : i === last ? 'L' : 'I'}`);
    }
  });
  return marks;
}

function isHan(t: Token): boolean {
  return t.kind === 'word' && HAN.test(t.norm);
}

/** A line of jieba's dictionary as the table keeps it; undefined for a word it leaves out. */
export function lexiconEntry(word: string, tag: string): LexiconEntry | undefined {
  const norm = foldText(word, 'zh');
  // Only words the segmenter can produce as Chinese tokens (no "AT&T", "B超").
  return HAN.test(norm) && /^[a-z]+$/.test(tag) ? { word: norm, tag } : undefined;
}

/**
 * The file: a header with the version, jieba's notice, then one line per tag,
 * "tag<TAB>word word …" (see `formatGroupedWords`); a word given twice keeps its first tag.
 */
export function formatChineseLexicon(version: string, entries: readonly LexiconEntry[]): string {
  return formatGroupedWords(
    HEADER,
    version,
    entries.map(({ word, tag }) => [word, tag] as const),
    [NOTICE],
  );
}

/** The table: `groupOf` gives a word's part-of-speech tag. */
export function parseChineseLexicon(text: string): GroupedWords {
  return parseGroupedWords(text, HEADER, 'lexicon');
}

/** Loads the table now (a Chinese model's first message would), without blocking the event loop long. */
export async function loadChineseLexicon(): Promise<void> {
  await shipped.load();
}

/** Loads the table at once (see `warmKnowledge`). */
export function warmChineseLexicon(): void {
  shipped.get();
}

/** A digest of the shipped table, known without loading it (for the training hash). */
export function chineseLexiconFileDigest(): string {
  return shipped.digest();
}

/** The version of the loaded table; undefined until a Chinese labeller has needed it. */
export function chineseLexiconVersion(): string | undefined {
  return shipped.loadedVersion();
}
