import type { RewriteRule } from './rewrite-text.js';
import { wordRules } from './rewrite-text.js';

const WEEKDAYS: Record<string, string> = {
  月: '一',
  火: '二',
  水: '三',
  木: '四',
  金: '五',
  土: '六',
  日: '日',
};

/**
 * Japanese date and time words in the Chinese the recognizer reads ("明日の朝8時" →
 * "明天早上8点"). Recognizers-Text has no Japanese date-time model in JavaScript; its Chinese
 * one shares the numerals and most of the calendar words.
 */
const WORDS: Record<string, string> = {
  今日: '今天',
  明日: '明天',
  明後日: '后天',
  あさって: '后天',
  あした: '明天',
  昨日: '昨天',
  一昨日: '前天',
  今晩: '今晚',
  今夜: '今晚',
  今朝: '今天早上',
  朝: '早上',
  夜: '晚上',
  午前: '上午',
  午後: '下午',
  夕方: '傍晚',
  正午: '中午',
  昼: '中午',
  来週: '下周',
  先週: '上周',
  今週: '本周',
  来月: '下个月',
  先月: '上个月',
  今月: '本月',
  来年: '明年',
  今年: '今年',
  週末: '周末',
  時間: '小时',
  時: '点',
  日間: '天',
  週間: '周',
  ヶ月: '个月',
  か月: '个月',
  毎日: '每天',
  毎週: '每周',
};

/** Rules, tried in this order at each position; see `rewriteText`. */
export const JAPANESE_TO_CHINESE: readonly RewriteRule[] = [
  { pattern: '([月火水木金土日])曜日?', replace: (m) => `星期${WEEKDAYS[m[1] as string]}` },
  ...wordRules(WORDS, false),
  // Particles between a date and a time read as a space in Chinese ("明日の朝", "8時に").
  { pattern: '[のにはから]', replace: () => ' ' },
];
