import type { SupportedLanguage } from '@parley/domain';

/** Scripts written without spaces between words: their runs are split by `Intl.Segmenter`. */
export const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

/** One piece of a run of text, offsets relative to the run. */
export interface WordPiece {
  text: string;
  index: number;
  isWord: boolean;
}

/**
 * Splits a run of text into words with ICU's word segmentation (dictionary-based for Chinese,
 * Japanese and Thai), skipping white space. The bot's language picks the locale: a Han run
 * reads as Japanese in a Japanese bot and as Chinese elsewhere.
 */
export function segmentWords(run: string, language: SupportedLanguage): WordPiece[] {
  const locale = language === 'ja' || language === 'th' ? language : 'zh';
  let segmenter = segmenters.get(locale);
  if (!segmenter)
    segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  const pieces: WordPiece[] = [];
  for (const s of segmenter.segment(run)) {
    if (/^\s+$/u.test(s.segment)) continue;
    pieces.push({ text: s.segment, index: s.index, isWord: s.isWordLike ?? false });
  }
  return pieces;
}
