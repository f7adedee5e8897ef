import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { runSteps, runStepsYielding } from '../util/event-loop.js';
import { detachedCopy, StringTable } from '../util/string-table.js';

/** Built by `build-word-clusters.ts`; shipped with the package, never downloaded. */
export const CLUSTERS_FILE = new URL('../../data/word-clusters.txt.gz', import.meta.url);

const HEADER = '# parley word clusters';

export interface WordClusters {
  /** Where the clusters come from and how they were built, for the model manifest. */
  version: string;
  /** Token norm → cluster code; each character is one level of the hierarchy. */
  codeOf: (norm: string) => string | undefined;
}

let loaded: WordClusters | undefined;

/**
 * The distributional cluster of a word ("4de" holds "twitter", "ebay", "youtube"…): words
 * that occur in similar contexts in a large corpus share a code, so an entity value no
 * training example contained still looks like the ones that did. Undefined for a word outside
 * the 200k most frequent ones.
 */
export function wordCluster(norm: string): string | undefined {
  loaded ??= parseClusters(gunzipSync(readFileSync(CLUSTERS_FILE)).toString('utf8'));
  return loaded.codeOf(norm);
}

/** Loads the clusters, letting the event loop turn while it parses (training runs in the API). */
export async function loadWordClusters(): Promise<void> {
  if (loaded) return;
  const text = (await promisify(gunzip)(await readFile(CLUSTERS_FILE))).toString('utf8');
  const clusters = await runStepsYielding(parseSteps(text));
  loaded ??= clusters;
}

let fileDigest: string | undefined;

/** A digest of the shipped clusters file, known without loading it (for the training hash). */
export function wordClustersFileDigest(): string {
  fileDigest ??= createHash('sha256')
    .update(readFileSync(CLUSTERS_FILE))
    .digest('hex')
    .slice(0, 16);
  return fileDigest;
}

/** The version of the loaded clusters; undefined until a labeller has needed them. */
export function wordClustersVersion(): string | undefined {
  return loaded?.version;
}

/** The file: a header with the version, then one line per cluster, "code<TAB>word word …". */
export function formatClusters(
  version: string,
  words: readonly string[],
  codes: readonly string[],
): string {
  const byCode = new Map<string, string[]>();
  words.forEach((word, i) => {
    const code = codes[i] as string;
    const list = byCode.get(code);
    if (list) list.push(word);
    else byCode.set(code, [word]);
  });
  const lines = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, list]) => `${code}\t${list.sort().join(' ')}`);
  return `${HEADER} ${version}\n${lines.join('\n')}\n`;
}

export function parseClusters(text: string): WordClusters {
  return runSteps(parseSteps(text));
}

function* parseSteps(text: string): Generator<void, WordClusters> {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  if (!header.startsWith(HEADER)) throw new Error('word clusters: not a parley word-cluster file');
  const codes: string[] = [];
  const words: string[] = [];
  const codeOfLine: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    codes.push(line.slice(0, tab));
    for (const word of line.slice(tab + 1).split(' ')) {
      words.push(word);
      codeOfLine.push(codes.length - 1);
    }
    if (i % 256 === 0) yield;
  }
  const { table, numbers } = StringTable.intern(words);
  // A word listed twice takes its last code, as a Map's `set` would.
  const codeOfWord = new Int32Array(table.size);
  numbers.forEach((n, w) => (codeOfWord[n] = codeOfLine[w]!));
  return {
    // A copy: a slice of the header would keep the whole file's text alive.
    version: detachedCopy(header.slice(HEADER.length).trim()),
    codeOf: codeLookup(table, codeOfWord, codes),
  };
}

/** Built apart from the parse so that the closure keeps only these (not the parse's lists). */
function codeLookup(
  table: StringTable,
  codeOfWord: Int32Array,
  codes: readonly string[],
): (norm: string) => string | undefined {
  return (norm) => {
    const n = table.indexOf(norm);
    return n < 0 ? undefined : codes[codeOfWord[n]!];
  };
}
