import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import type { SupportedLanguage } from '@parley/domain';
import { foldText } from '../text/normalize.js';
import type { Token } from '../text/tokenize.js';
import { runSteps, runStepsYielding } from '../util/event-loop.js';
import { detachedCopy, StringTable } from '../util/string-table.js';

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

export interface ChineseLexicon {
  /** Where the table comes from, for the model manifest. */
  version: string;
  tagOf: (word: string) => string | undefined;
  /** The longest word's length in UTF-16 units. */
  longest: number;
}

let loaded: ChineseLexicon | undefined;

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
  const { tagOf, longest } = chineseLexicon();
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
 * "tag<TAB>word word …", tags and words sorted, so the same input gives the same bytes.
 */
export function formatChineseLexicon(version: string, entries: readonly LexiconEntry[]): string {
  const byTag = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const { word, tag } of entries) {
    // A word listed twice keeps its first line, as jieba reads its dictionary.
    if (seen.has(word)) continue;
    seen.add(word);
    const list = byTag.get(tag);
    if (list) list.push(word);
    else byTag.set(tag, [word]);
  }
  const lines = [...byTag]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([tag, words]) => `${tag}\t${words.sort().join(' ')}`);
  const notice = '# from jieba (github.com/fxsjy/jieba), MIT License, Copyright (c) 2013 Sun Junyi';
  return `${HEADER} ${version}\n${notice}\n${lines.join('\n')}\n`;
}

export function parseChineseLexicon(text: string): ChineseLexicon {
  return runSteps(parseSteps(text));
}

function* parseSteps(text: string): Generator<void, ChineseLexicon> {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  if (!header.startsWith(HEADER)) throw new Error('chinese lexicon: not a parley lexicon file');
  const tags: string[] = [];
  const words: string[] = [];
  const tagOfLine: number[] = [];
  let longest = 1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.indexOf('\t');
    if (line.startsWith('#') || tab <= 0) continue;
    const t = tags.push(line.slice(0, tab)) - 1;
    for (const word of line.slice(tab + 1).split(' ')) {
      words.push(word);
      tagOfLine.push(t);
      if (word.length > longest) longest = word.length;
    }
    yield;
  }
  const { table, numbers } = StringTable.intern(words);
  const tagOfWord = new Uint8Array(table.size);
  numbers.forEach((n, w) => (tagOfWord[n] = tagOfLine[w]!));
  return {
    // A copy: a slice of the header would keep the whole file's text alive.
    version: detachedCopy(header.slice(HEADER.length).trim()),
    tagOf: tagLookup(table, tagOfWord, tags),
    longest,
  };
}

/** Built apart from the parse so that the closure keeps only these (not the parse's lists). */
function tagLookup(
  table: StringTable,
  tagOfWord: Uint8Array,
  tags: readonly string[],
): (word: string) => string | undefined {
  return (word) => {
    const n = table.indexOf(word);
    return n < 0 ? undefined : tags[tagOfWord[n]!];
  };
}

function chineseLexicon(): ChineseLexicon {
  loaded ??= parseChineseLexicon(gunzipSync(readFileSync(CHINESE_LEXICON_FILE)).toString('utf8'));
  return loaded;
}

/** Loads the table now (a Chinese model's first message would), without blocking the event loop long. */
export async function loadChineseLexicon(): Promise<void> {
  if (loaded) return;
  const text = (await promisify(gunzip)(await readFile(CHINESE_LEXICON_FILE))).toString('utf8');
  const lexicon = await runStepsYielding(parseSteps(text));
  loaded ??= lexicon;
}

/** Loads the table at once (see `warmKnowledge`). */
export function warmChineseLexicon(): void {
  chineseLexicon();
}

let fileDigest: string | undefined;

/** A digest of the shipped table, known without loading it (for the training hash). */
export function chineseLexiconFileDigest(): string {
  fileDigest ??= createHash('sha256')
    .update(readFileSync(CHINESE_LEXICON_FILE))
    .digest('hex')
    .slice(0, 16);
  return fileDigest;
}

/** The version of the loaded table; undefined until a Chinese labeller has needed it. */
export function chineseLexiconVersion(): string | undefined {
  return loaded?.version;
}
