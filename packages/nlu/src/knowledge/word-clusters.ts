import type { SupportedLanguage } from '@parley/domain';
import { formatGroupedWords, parseGroupedWords, ShippedWords } from './grouped-words.js';

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
const WHAT = 'word-cluster';

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

const shipped = new Map(
  Object.entries(CLUSTER_FILES).map(([language, file]) => [
    language as SupportedLanguage,
    new ShippedWords(file, HEADER, WHAT),
  ]),
);

/**
 * The distributional cluster of a word ("4de" holds "twitter", "ebay", "youtube"…): words
 * that occur in similar contexts in a large corpus share a code, so an entity value no
 * training example contained still looks like the ones that did. Undefined for a word outside
 * the language's most frequent ones, or in a language without clusters. The language's file
 * is read on the first call.
 */
export function wordCluster(norm: string, language: SupportedLanguage = 'en'): string | undefined {
  return shipped.get(language)?.get().groupOf(norm);
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
  await shipped.get(language)?.load();
}

/**
 * A digest of the language's shipped clusters file, known without loading it (for the training
 * hash); undefined for a language without clusters.
 */
export function wordClustersFileDigest(language: SupportedLanguage = 'en'): string | undefined {
  return shipped.get(language)?.digest();
}

/** The version of the language's loaded clusters; undefined until a labeller has needed them. */
export function wordClustersVersion(language: SupportedLanguage = 'en'): string | undefined {
  return shipped.get(language)?.loadedVersion();
}

/** The file: a header with the version, then one line per cluster, "code<TAB>word word …". */
export function formatClusters(
  version: string,
  words: readonly string[],
  codes: readonly string[],
): string {
  return formatGroupedWords(
    HEADER,
    version,
    words.map((word, i) => [word, codes[i] as string] as const),
  );
}

export function parseClusters(text: string): WordClusters {
  const { version, groupOf } = parseGroupedWords(text, HEADER, WHAT);
  return { version, codeOf: groupOf };
}
