import type { SupportedLanguage } from '@parley/domain';
import { cultureFor } from '../extractors/system-cultures.js';
import { createSystemExtractor } from '../extractors/system-extractor.js';
import type { Token } from '../text/tokenize.js';

const REFERENCE = new Date(Date.UTC(2020, 0, 1));
const extractors = new Map<SupportedLanguage, ReturnType<typeof createSystemExtractor>>();

/**
 * Whether the labeller reads Recognizers-Text's dates, times and numbers as knowledge marks:
 * in the languages it reads dates in words, but English, whose time and number word lists
 * stand in for them.
 */
export function usesRecognizerMarks(language: SupportedLanguage): boolean {
  return language !== 'en' && cultureFor('datetime', language).native;
}

/**
 * Per token, "time:B|I|L|U" and "number:B|I|L|U" marks of the date, time and number
 * expressions Recognizers-Text finds in the bot's language ("明天早上八点", "übermorgen",
 * "五"): a CRF in a language without time and number word lists learns such slots from them.
 */
export function recognizerMarks(tokens: readonly Token[], language: SupportedLanguage): string[][] {
  const marks: string[][] = tokens.map(() => []);
  if (tokens.length === 0) return marks;
  let extractor = extractors.get(language);
  if (!extractor)
    extractors.set(
      language,
      (extractor = createSystemExtractor(
        ['sys.date', 'sys.time', 'sys.datetime', 'sys.duration', 'sys.number'],
        language,
      )),
    );
  const { text, at } = recognizerText(tokens, language);
  const found = extractor.extract({ text, tokens, referenceTime: REFERENCE, timeZone: 'UTC' });
  const times = found.filter((e) => e.name !== 'sys.number');
  for (const e of found) {
    // A number inside a date or time ("8" of "الساعة 8 مساءً", "drei" of "um drei Uhr") is
    // marked as the time: after a rewrite its span is the whole time expression, and two marks
    // over one span would teach the labeller nothing the time mark does not.
    if (e.name === 'sys.number' && times.some((t) => t.begin < e.end && e.begin < t.end)) continue;
    const first = tokens.findIndex((t, i) => at[i]! + t.raw.length > e.begin);
    let last = first;
    while (last + 1 < tokens.length && at[last + 1]! < e.end) last++;
    if (first < 0 || at[first]! >= e.end) continue;
    const cls = e.name === 'sys.number' ? 'number' : 'time';
    for (let i = first; i <= last; i++) {
      const pos = first === last ? 'U' : i === first ? 'B' : i === last ? 'L' : 'I';
      if (!marks[i]!.includes(`${cls}:${pos}`)) marks[i]!.push(`${cls}:${pos}`);
    }
  }
  return marks;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The message for the recognizers, and where each token starts in it. Chinese and Japanese
 * messages are often written with spaces between words ("2029 年 6 月 8 日", "18 分 钟 之内"),
 * which the Chinese models do not read as dates or durations: there a space next to a Han or
 * kana word goes (between Latin words or two numbers it stays). Elsewhere the message is as its
 * tokens lie in it, at the original offsets.
 */
function recognizerText(
  tokens: readonly Token[],
  language: SupportedLanguage,
): { text: string; at: number[] } {
  const compact = language === 'zh' || language === 'ja';
  let text = '';
  const at: number[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (!compact) text = text.padEnd(t.begin, ' ');
    else if (prev && t.begin > prev.end && !UNSPACED.test(prev.raw) && !UNSPACED.test(t.raw))
      text += ' ';
    at.push(text.length);
    text += t.raw;
  });
  return { text, at };
}
