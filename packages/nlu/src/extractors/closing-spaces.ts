import type { SupportedLanguage } from '@parley/domain';
import type { RewriteRule } from './rewrite-text.js';

const UNSPACED_LANGUAGES = new Set<SupportedLanguage>(['zh', 'ja']);
const UNSPACED_CHARACTER = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]';

/**
 * Whether the recognizers read `language` with the spaces next to its characters closed:
 * Chinese and Japanese are written without spaces, yet bots also get them with spaces between
 * the words ("明天 早上 八点", "2029 年 6 月 8 日", as in xSID), which the Chinese models do not
 * read as one date, time or amount.
 */
export function closesSpaces(language: SupportedLanguage): boolean {
  return UNSPACED_LANGUAGES.has(language);
}

/**
 * A space next to a Han or kana character goes; between Latin words or two numbers it stays
 * ("播放 Get Your Mind Right 的 歌" → "播放Get Your Mind Right的歌").
 */
export const CLOSE_SPACES: readonly RewriteRule[] = [
  {
    pattern: `(?<=${UNSPACED_CHARACTER})\\s+|\\s+(?=${UNSPACED_CHARACTER})`,
    replace: () => '',
  },
];
