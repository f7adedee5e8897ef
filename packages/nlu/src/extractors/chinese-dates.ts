import type { RewriteRule } from './rewrite-text.js';

const WEEKDAY = '[一二三四五六日天]';

/**
 * Chinese date words the Chinese recognizer does not read, in the ones it does: "下个星期"
 * (it reads "下周" and "下个星期一", not the week alone), "礼拜" for "星期", "这个冬天" (it reads
 * "今年冬天", and "冬天" alone without "这个"), "目前" (currently) as "现在".
 */
export const CHINESE_DATES: readonly RewriteRule[] = [
  {
    // "下个星期", "上个礼拜", "这个星期": next, last and this week, when no weekday follows.
    pattern: `([下上这本])个?(?:星期|礼拜)(?!${WEEKDAY})`,
    replace: (m) => `${m[1] === '这' ? '本' : m[1]}周`,
  },
  { pattern: `礼拜(${WEEKDAY})`, replace: (m) => `星期${m[1]}` },
  { pattern: '这个?(春天|夏天|秋天|冬天)', replace: (m) => `今年${m[1]}` },
  { pattern: '目前', replace: () => '现在' },
];
