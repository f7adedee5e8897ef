import { LATIN_SCRIPT_LANGUAGES, type SupportedLanguage } from '@parley/domain';
import { readsEnglishBands } from '../knowledge/english-bands.js';
import { usesEnglishLexicon } from '../knowledge/knowledge-marks.js';
import { lexiconBand } from '../knowledge/lexicon.js';
import { wordClustersOf } from '../knowledge/word-clusters.js';
import { hasStemmer } from '../text/stem.js';
import type { Token } from '../text/tokenize.js';
import { scriptFeaturesFor } from './script-features.js';
import type { ScriptFeatures } from './script-features.js';

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
 * The string features of one token, in groups that training treats differently: `lexical`
 * (the word itself) is hidden now and then (word dropout), so that the labeller also learns
 * an entity from its context and shape; `gazetteer` (the bot's own values) and `knowledge`
 * (countries, cities, time words…) are hidden now and then for the same reason.
 */
export interface TokenFeatures {
  lexical: string[];
  context: string[];
  gazetteer: string[];
  knowledge: string[];
}

/**
 * What the labeller reads besides a word and its context: the bot's language decides it, in
 * one place (`labellerReadingFor`), for training and parsing alike.
 */
export interface LabellerReading {
  /** English: the word's longer affixes are left out (the English lexicon says more). */
  english: boolean;
  /** The language's word clusters, if it has any (see `wordClustersOf`). */
  clusters?: ((norm: string) => string | undefined) | undefined;
  /** Every word's characters and character pairs (see `usesCharacterGrams`). */
  characters: boolean;
  /** The English word-frequency band (see `readsEnglishBands`). */
  bands: boolean;
  /** The features of the language's script, if it has any (see `scriptFeaturesFor`). */
  script?: ScriptFeatures | undefined;
}

/** What the labeller of a bot in `language` reads (see `LabellerReading`). */
export function labellerReadingFor(language: SupportedLanguage): LabellerReading {
  return {
    english: usesEnglishLexicon(language),
    clusters: wordClustersOf(language),
    characters: usesCharacterGrams(language),
    bands: readsEnglishBands(language),
    script: scriptFeaturesFor(language),
  };
}

/**
 * Features of every token for the sequence labeller: the word, its stem, affixes, shape, a
 * window of two words each side with bigrams, the intent (alone and with the word), marks
 * ("entity:B|I|L|U") of the gazetteer phrases and knowledge classes covering the token and its
 * neighbours, and what `reading` adds for the bot's language.
 */
export function labellerFeatures(
  tokens: readonly Token[],
  intent: string,
  gazetteer: readonly (readonly string[])[],
  knowledge: readonly (readonly string[])[],
  { english, clusters: clusterOf, characters, bands, script }: LabellerReading,
): TokenFeatures[] {
  const scriptFeatures = script?.(tokens);
  const word = (k: number): string => tokens[k]?.norm ?? (k < 0 ? '<s>' : '</s>');
  const stemAt = (k: number): string => tokens[k]?.stem ?? (k < 0 ? '<s>' : '</s>');
  const shapeAt = (k: number): string =>
    tokens[k] ? shape(tokens[k].raw) : k < 0 ? '<s>' : '</s>';
  // English word frequencies say nothing about words of other languages.
  const band = tokens.map((t) =>
    t.kind !== 'word' ? t.kind : bands ? lexiconBand(t.norm) : 'word',
  );
  const codes = tokens.map((t) => clusterOf?.(t.norm));
  return tokens.map((t, i) => {
    const w = t.norm;
    const capital = i > 0 && /^\p{Lu}/u.test(t.raw);
    const clusters = clusterFeatures('c', codes, i);
    return {
      lexical: [
        `w=${w}`,
        `s=${t.stem}`,
        `p2=${w.slice(0, 2)}`,
        `p3=${w.slice(0, 3)}`,
        `x2=${w.slice(-2)}`,
        `x3=${w.slice(-3)}`,
        `iw=${intent}|${w}`,
        ...(english ? [] : affixes(w)),
        ...(characters && t.kind === 'word' ? characterGrams(w) : []),
      ],
      context: [
        'bias',
        `sh=${shapeAt(i)}`,
        `k=${t.kind}`,
        `w-1=${word(i - 1)}`,
        `w+1=${word(i + 1)}`,
        `w-2=${word(i - 2)}`,
        `w+2=${word(i + 2)}`,
        `s-1=${stemAt(i - 1)}`,
        `s+1=${stemAt(i + 1)}`,
        `w-1w=${word(i - 1)}|${w}`,
        `ww+1=${w}|${word(i + 1)}`,
        `w-2w-1=${word(i - 2)}|${word(i - 1)}`,
        `w+1w+2=${word(i + 1)}|${word(i + 2)}`,
        `sh-1=${shapeAt(i - 1)}`,
        `sh+1=${shapeAt(i + 1)}`,
        `cap=${capital}`,
        `lex=${band[i]}`,
        `lex=${band[i]}|cap=${capital}`,
        `lex-1=${band[i - 1] ?? '<s>'}`,
        `lex+1=${band[i + 1] ?? '</s>'}`,
        `capw-1=${capital}|${word(i - 1)}`,
        `i=${intent}`,
        `iw-1=${intent}|${word(i - 1)}`,
        ...clusters,
        ...clusters.map((f) => `${f}|cap=${capital}`),
        ...clusterFeatures('c-1', codes, i - 1, 2),
        ...clusterFeatures('c+1', codes, i + 1, 2),
        ...(scriptFeatures?.[i] ?? []),
      ],
      gazetteer: neighbourMarks('g', gazetteer, i),
      knowledge: neighbourMarks('n', knowledge, i).flatMap((f) =>
        // A knowledge mark alone and in context: capitalised ("Reading" is a town, "reading" is
        // not), after the previous word ("in Georgia" vs "by Georgia"), and within the intent.
        f.startsWith('n=')
          ? [f, `${f}|cap=${capital}`, `${f}|w-1=${word(i - 1)}`, `${f}|i=${intent}`]
          : [f],
      ),
    };
  });
}

/**
 * Whether the labeller reads the characters inside words: in the languages written in another
 * script than Latin, a word is a less reliable unit — a Chinese or Japanese segmenter's guess
 * (a transliterated name "绍斯福德瀑布" is one word or three), an Arabic word with its attached
 * article and prepositions ("بالرياض", "in Riyadh") — and a name's characters say what it is
 * (斯, 尔, 克 spell foreign names; 州, 市 end places); so does a Latin-script language without
 * a stemmer (Turkish suffix chains). Other Latin-script languages read affixes and stems only:
 * there, character pairs of long compounds and common words mark chance look-alikes (German
 * lost 1–3 points of cross-validated entity F1 with them).
 */
export function usesCharacterGrams(language: SupportedLanguage): boolean {
  return !LATIN_SCRIPT_LANGUAGES.has(language) || !hasStemmer(language);
}

/** A word's characters and its pairs of adjacent characters ("c1=州", "c2=萨斯"). */
function characterGrams(w: string): string[] {
  const chars = [...w];
  const out: string[] = [];
  for (let k = 0; k < chars.length; k++) {
    out.push(`c1=${chars[k]!}`);
    if (k + 1 < chars.length) out.push(`c2=${chars[k]!}${chars[k + 1]!}`);
  }
  return out;
}

/**
 * More of a word's ends where no English word lists help: a Chinese or Japanese word's first
 * and last character (市, 州, 日), a German compound's or a Turkish suffix chain's last four.
 */
function affixes(w: string): string[] {
  return [`p1=${w.slice(0, 1)}`, `x1=${w.slice(-1)}`, `p4=${w.slice(0, 4)}`, `x4=${w.slice(-4)}`];
}

/**
 * The word's distributional cluster at each level of the hierarchy, coarse to fine ("c1=4",
 * "c2=4d", "c3=4de"): an unseen service name or town shares its cluster with seen ones.
 */
function clusterFeatures(
  name: string,
  codes: readonly (string | undefined)[],
  k: number,
  levels = Infinity,
): string[] {
  if (k < 0 || k >= codes.length) return [];
  const code = codes[k];
  if (!code) return [`${name}=none`];
  const out: string[] = [];
  for (let l = 1; l <= Math.min(levels, code.length); l++)
    out.push(`${name}${l}=${code.slice(0, l)}`);
  return out;
}

function neighbourMarks(
  prefix: string,
  marks: readonly (readonly string[])[],
  i: number,
): string[] {
  const out: string[] = [];
  for (const mark of marks[i] ?? []) out.push(`${prefix}=${mark}`);
  for (const mark of marks[i - 1] ?? []) out.push(`${prefix}-1=${mark.split(':')[0]}`);
  for (const mark of marks[i + 1] ?? []) out.push(`${prefix}+1=${mark.split(':')[0]}`);
  return out;
}

/** Every feature of a token, for decoding. */
export function allFeatures(f: TokenFeatures): string[] {
  return [...f.lexical, ...f.context, ...f.gazetteer, ...f.knowledge];
}
