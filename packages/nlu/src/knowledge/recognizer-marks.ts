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
  const text = recognizerText(tokens);
  const found = extractor.extract({ text, tokens, referenceTime: REFERENCE, timeZone: 'UTC' });
  const times = found.filter((e) => e.name !== 'sys.number');
  for (const e of found) {
    // A number inside a date or time ("8" of "الساعة 8 مساءً", "drei" of "um drei Uhr") is
    // marked as the time: after a rewrite its span is the whole time expression, and two marks
    // over one span would teach the labeller nothing the time mark does not.
    if (e.name === 'sys.number' && times.some((t) => t.begin < e.end && e.begin < t.end)) continue;
    const first = tokens.findIndex((t) => t.end > e.begin);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.begin < e.end) last++;
    if (first < 0 || tokens[first]!.begin >= e.end) continue;
    const cls = e.name === 'sys.number' ? 'number' : 'time';
    for (let i = first; i <= last; i++) {
      const pos = first === last ? 'U' : i === first ? 'B' : i === last ? 'L' : 'I';
      if (!marks[i]!.includes(`${cls}:${pos}`)) marks[i]!.push(`${cls}:${pos}`);
    }
  }
  return marks;
}

/**
 * The message for the recognizers, as its tokens lie in it (at their offsets). Chinese and
 * Japanese written with spaces between the words read as unspaced (see `cultureFor`).
 */
function recognizerText(tokens: readonly Token[]): string {
  let text = '';
  for (const t of tokens) text = text.padEnd(t.begin, ' ') + t.raw;
  return text;
}
