import type { SupportedLanguage } from '@parley/domain';
import { foldText } from './normalize.js';
import { segmentWords, UNSPACED_SCRIPT } from './segment-words.js';
import { stemIn } from './stem.js';

/** A token of the original message; offsets index the original string, `end` exclusive. */
export interface Token {
  /** The text as written. */
  raw: string;
  /** Lower-cased form used for features and matching, accent-folded where the language allows it. */
  norm: string;
  /** The word's stem in the bot's language (its `norm` where there is no stemmer). */
  stem: string;
  begin: number;
  end: number;
  kind: 'word' | 'number' | 'emoji' | 'punct';
}

// Words keep inner apostrophes-free letters/digits; numbers keep their decimal or time separators
// ("3.5", "10:30") so that a value is one token, also with a unit or suffix ("5:30pm",
// "12.04LTS", "2.5GHz"); emoji sequences (ZWJ, skin tones) stay whole.
const TOKEN_RE =
  /(\p{N}+(?:[.,:/]\p{N}+)*(?![\p{L}\p{M}\p{N}_]|[.,:/]\p{N}))|([\p{L}\p{M}][\p{L}\p{M}\p{N}_]*|[\p{N}_]+(?:[.,:/]\p{N}+)*[\p{L}\p{M}\p{N}_]*)|(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)|(\S)/gu;
const NUMBER = /^\p{N}+(?:[.,:/]\p{N}+)*$/u;
/**
 * The languages written without spaces: their bots split such runs into words. A language
 * written with spaces keeps today's tokens (a Japanese title in an English message stays one
 * token, as it always was).
 */
const SEGMENTED = new Set<SupportedLanguage>(['ja', 'th', 'zh']);
/**
 * A message that puts spaces between such words ("查看 内布拉斯加州 的 天气") was segmented by its
 * writer (or an input method): their words are kept, where a dictionary would split an unknown
 * name ("内布|拉斯加州").
 */
const WRITER_SEGMENTED = new RegExp(`${UNSPACED_SCRIPT.source}\\s+${UNSPACED_SCRIPT.source}`, 'u');

/**
 * Splits a message into tokens without changing it, so that every token and every entity span
 * maps back to the original characters (accents and emoji included). Letters and digits run
 * together up to a space or punctuation, as languages with spaces write words; in a Chinese,
 * Japanese or Thai bot, a run of a script without spaces is split into words by `Intl.Segmenter`.
 * Arabic and Hebrew keep their logical order: offsets count characters as stored, never as shown.
 * @example tokenize("Café at 10:30 🙂").map((t) => t.norm) // ['cafe', 'at', '10:30', '🙂']
 * @example tokenize('明天早上八点', 'zh').map((t) => t.raw) // ['明天', '早上', '八', '点']
 */
export function tokenize(
  text: string,
  language: SupportedLanguage = 'en',
  /** False where only `norm` is read (word lists, phrases): `stem` is then `norm`, and cheaper. */
  stems = true,
): Token[] {
  const tokens: Token[] = [];
  const segment = SEGMENTED.has(language) && !WRITER_SEGMENTED.test(text);
  for (const match of text.matchAll(TOKEN_RE)) {
    const raw = match[0];
    const begin = match.index;
    const kind = match[1] ? 'number' : match[2] ? 'word' : match[3] ? 'emoji' : 'punct';
    if (kind !== 'word' || !segment || !UNSPACED_SCRIPT.test(raw)) {
      tokens.push(token(raw, begin, kind, language, stems));
      continue;
    }
    for (const piece of segmentWords(raw, language)) {
      const pieceKind = NUMBER.test(piece.text) ? 'number' : piece.isWord ? 'word' : 'punct';
      tokens.push(token(piece.text, begin + piece.index, pieceKind, language, stems));
    }
  }
  return tokens;
}

function token(
  raw: string,
  begin: number,
  kind: Token['kind'],
  language: SupportedLanguage,
  stems: boolean,
): Token {
  const norm = foldText(raw, language);
  if (!stems) return { raw, norm, stem: norm, begin, end: begin + raw.length, kind };
  return {
    raw,
    norm,
    stem: stemOf(raw, norm, kind, language),
    begin,
    end: begin + raw.length,
    kind,
  };
}

function stemOf(
  raw: string,
  norm: string,
  kind: Token['kind'],
  language: SupportedLanguage,
): string {
  if (kind !== 'word') return norm;
  // English stems its folded form (as always); other stemmers know their own accents
  // ("Häuser" → "haus"), and the stem is folded after.
  if (language === 'en') return stemIn('en', norm);
  const stemmed = stemIn(language, raw.toLocaleLowerCase(language));
  return stemmed === raw.toLocaleLowerCase(language) ? norm : foldText(stemmed, language);
}
