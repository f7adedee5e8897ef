import { createRequire } from 'node:module';
import type { SupportedLanguage } from '@parley/domain';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const CACHE_LIMIT = 50_000;
const ENGLISH_WORD = /^[a-z]{3,}$/;
const WORD = /^\p{L}{3,}$/u;

type Stemmer = (word: string) => string;

/**
 * The Snowball stemmers `natural` ships, by language (Indonesian: its dictionary-based
 * stemmer); Arabic: a light stemmer (below). Languages without a good one (Turkish, Chinese,
 * Japanese, Korean, Thai) are not stemmed: character n-grams and affix features carry their
 * inflections.
 */
const NATURAL_STEMMERS: Partial<Record<SupportedLanguage, string>> = {
  de: 'porter_stemmer_de.js',
  es: 'porter_stemmer_es.js',
  fr: 'porter_stemmer_fr.js',
  id: 'indonesian/stemmer_id.js',
  it: 'porter_stemmer_it.js',
  nl: 'porter_stemmer_nl.js',
  pt: 'porter_stemmer_pt.js',
  ru: 'porter_stemmer_ru.js',
  sv: 'porter_stemmer_sv.js',
};

const stemmers = new Map<SupportedLanguage, Stemmer | null>();
const caches = new Map<SupportedLanguage, Map<string, string>>();

/** Porter stem of a folded English token, cached: the same words recur in every message. */
export function stem(token: string): string {
  return stemIn('en', token);
}

/**
 * The stem of a word in a language, cached per language. `word` is the token lower-cased as
 * the language writes it (English: its folded form); languages without a stemmer return it.
 */
export function stemIn(language: SupportedLanguage, word: string): string {
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const stemmer = stemmerOf(language);
  const result =
    stemmer && (language === 'en' ? ENGLISH_WORD : WORD).test(word) ? stemmer(word) : word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

/** Whether the language has a stemmer. */
export function hasStemmer(language: SupportedLanguage): boolean {
  return stemmerOf(language) !== null;
}

function stemmerOf(language: SupportedLanguage): Stemmer | null {
  if (language === 'en') return (w) => PorterStemmer.stem(w);
  if (language === 'ar') return arabicLightStem;
  let stemmer = stemmers.get(language);
  if (stemmer !== undefined) return stemmer;
  const file = NATURAL_STEMMERS[language];
  if (file) {
    // natural's package index loads its whole toolkit; only the stemmer's module is read, and
    // only for a bot in its language.
    const require = createRequire(import.meta.url);
    const module = require(`natural/lib/natural/stemmers/${file}`) as { stem: Stemmer };
    stemmer = (w) => module.stem(w);
  } else stemmer = null;
  stemmers.set(language, stemmer);
  return stemmer;
}

const ARABIC_PREFIX = /^(?:وال|بال|كال|فال|لل|ال|و(?=..[^\s]))/u;
const ARABIC_SUFFIX = /(?:ها|ات|ون|ين|ان|ية|ة|ه|ي)$/u;

/**
 * Light stemming of Arabic (Larkey et al.'s light10, shortened): the article and the
 * conjunctions and prepositions written onto a word ("والرياض", "بالمدينة") and the common
 * plural, dual and feminine endings, as long as three letters remain.
 */
function arabicLightStem(word: string): string {
  let w = word;
  const prefix = ARABIC_PREFIX.exec(w);
  if (prefix && w.length - prefix[0].length >= 3) w = w.slice(prefix[0].length);
  const suffix = ARABIC_SUFFIX.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) w = w.slice(0, -suffix[0].length);
  return w;
}
