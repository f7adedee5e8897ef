import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import type { SupportedLanguage } from '@parley/domain';
import { runSteps, runStepsYielding } from '../util/event-loop.js';
import { detachedCopy, StringTable } from '../util/string-table.js';

/**
 * The languages whose labeller reads word clusters, and their files: English from GloVe
 * (`build-word-clusters.ts`), German from spaCy's Brown clusters (`build-lexeme-clusters.ts`).
 * Shipped with the package, never downloaded.
 */
const CLUSTER_FILES: Partial<Record<SupportedLanguage, URL>> = {
  en: new URL('../../data/word-clusters.txt.gz', import.meta.url),
  de: new URL('../../data/word-clusters-de.txt.gz', import.meta.url),
};

const HEADER = '# parley word clusters';

export interface WordClusters {
  /** Where the clusters come from and how they were built, for the model manifest. */
  version: string;
  /** Token norm → cluster code; each character is one level of the hierarchy. */
  codeOf: (norm: string) => string | undefined;
}

/** The clusters file of a language; undefined where there is none. */
export function clustersFileOf(language: SupportedLanguage): URL | undefined {
  return CLUSTER_FILES[language];
}

const loaded = new Map<SupportedLanguage, WordClusters>();

function loadedClusters(language: SupportedLanguage): WordClusters | undefined {
  let clusters = loaded.get(language);
  const file = CLUSTER_FILES[language];
  if (clusters || !file) return clusters;
  clusters = parseClusters(gunzipSync(readFileSync(file)).toString('utf8'));
  loaded.set(language, clusters);
  return clusters;
}

/**
 * The distributional cluster of a word ("4de" holds "twitter", "ebay", "youtube"…): words
 * that occur in similar contexts in a large corpus share a code, so an entity value no
 * training example contained still looks like the ones that did. Undefined for a word outside
 * the language's most frequent ones, or in a language without clusters. The language's file
 * is read on the first call.
 */
export function wordCluster(norm: string, language: SupportedLanguage = 'en'): string | undefined {
  return loadedClusters(language)?.codeOf(norm);
}

/**
 * The cluster lookup of a language, reading its file on the first word looked up (nothing for
 * a bot that never labels a message); undefined for a language without clusters.
 */
export function wordClustersOf(
  language: SupportedLanguage,
): ((norm: string) => string | undefined) | undefined {
  return CLUSTER_FILES[language] ? (norm) => wordCluster(norm, language) : undefined;
}

/** Loads a language's clusters, letting the event loop turn while it parses (training runs in the API). */
export async function loadWordClusters(language: SupportedLanguage = 'en'): Promise<void> {
  const file = CLUSTER_FILES[language];
  if (loaded.has(language) || !file) return;
  const text = (await promisify(gunzip)(await readFile(file))).toString('utf8');
  const clusters = await runStepsYielding(parseSteps(text));
  if (!loaded.has(language)) loaded.set(language, clusters);
}

const fileDigests = new Map<SupportedLanguage, string>();

/**
 * A digest of the language's shipped clusters file, known without loading it (for the training
 * hash); undefined for a language without clusters.
 */
export function wordClustersFileDigest(language: SupportedLanguage = 'en'): string | undefined {
  const file = CLUSTER_FILES[language];
  if (!file) return undefined;
  let digest = fileDigests.get(language);
  if (!digest) {
    digest = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
    fileDigests.set(language, digest);
  }
  return digest;
}

/** The version of the language's loaded clusters; undefined until a labeller has needed them. */
export function wordClustersVersion(language: SupportedLanguage = 'en'): string | undefined {
  return loaded.get(language)?.version;
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
