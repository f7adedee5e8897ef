import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SupportedLanguage } from '@parley/domain';
import type { Token } from '../text/tokenize.js';

/**
 * The labeller features of a language's script, per token of a sentence: context features
 * (see `TokenFeatures`), never hidden by word dropout, since they generalise over words.
 */
export type ScriptFeatures = (tokens: readonly Token[]) => string[][];

/**
 * The languages whose labeller reads the features of their script. Chosen by cross-validated
 * entity F1 on the xSID training sets (Chinese +2.5, Arabic +2.6, Japanese +0.9 points, with
 * the spaced dates of `recognizerMarks`); other languages keep exactly the features they had.
 */
const SCRIPT_FEATURE_LANGUAGES = new Set<SupportedLanguage>(['ar', 'ja', 'zh']);

/**
 * The script-specific features of a language's labeller, or undefined where there are none.
 * Every such language: the script of a word and of its neighbours, and its place in a run of
 * Latin-script words (a name such as "Get Your Mind Right" inside Chinese or Arabic text).
 * Chinese: how much of a word is spelt with the characters of transliterated names.
 */
export function scriptFeaturesFor(language: SupportedLanguage): ScriptFeatures | undefined {
  if (!SCRIPT_FEATURE_LANGUAGES.has(language)) return undefined;
  return (tokens) => {
    const scripts = tokens.map(scriptOf);
    const sc = (k: number): string => scripts[k] ?? (k < 0 ? '<s>' : '</s>');
    const runs = latinRuns(tokens, scripts);
    const shares = language === 'zh' ? tokens.map((t) => transliterationShare(t.norm)) : [];
    const share = (k: number): string => shares[k] ?? (k < 0 ? '<s>' : '</s>');
    return tokens.map((_, i) => {
      const context = [
        `sc=${sc(i)}`,
        `sc-1=${sc(i - 1)}`,
        `sc+1=${sc(i + 1)}`,
        `sc-1sc=${sc(i - 1)}|${sc(i)}`,
        `scsc+1=${sc(i)}|${sc(i + 1)}`,
      ];
      const run = runs[i];
      if (run) context.push(`lr=${run}`, `lr=${run}|sc-1=${sc(i - 1)}`);
      if (language === 'zh')
        context.push(`tl=${share(i)}`, `tl-1=${share(i - 1)}`, `tl+1=${share(i + 1)}`);
      return context;
    });
  };
}

/**
 * The script a token is written in, for a word ("han", "kata", "arab", "LAT" capitalised or
 * "lat" lower-case…), else its kind: in Chinese, Japanese or Arabic text a word in Latin
 * letters is mostly a name, which shape features alone do not say (a lower-case Latin word and
 * a Chinese word have the same shape).
 */
export function scriptOf(t: Token): string {
  if (t.kind !== 'word') return t.kind;
  const w = t.raw;
  if (/\p{Script=Han}/u.test(w))
    return /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w) ? 'mix' : 'han';
  if (/\p{Script=Katakana}/u.test(w)) return 'kata';
  if (/\p{Script=Hiragana}/u.test(w)) return 'hira';
  if (/\p{Script=Arabic}/u.test(w)) return 'arab';
  if (/\p{Script=Latin}/u.test(w)) return /^\p{Lu}/u.test(w) ? 'LAT' : 'lat';
  return 'other';
}

/**
 * Per token, its place ("B", "I", "L", "U" with the run's length up to 4) in a run of Latin
 * words with the digits and ASCII punctuation between them ("Get Your Mind Right", "Pre-Party
 * R&B Jams", "Silly Movie 2.0"); undefined outside one. Such a run inside Chinese or Arabic is
 * mostly one name, which the labeller otherwise cuts in two ("Get Your" + "Mind Right").
 */
function latinRuns(tokens: readonly Token[], scripts: readonly string[]): (string | undefined)[] {
  const latin = (k: number): boolean => scripts[k] === 'lat' || scripts[k] === 'LAT';
  const inRun = tokens.map(
    (t, k) =>
      latin(k) ||
      (t.kind === 'number' && (latin(k - 1) || latin(k + 1))) ||
      (t.kind === 'punct' && /^[-&:'.,!?+]$/u.test(t.raw) && latin(k - 1) && latin(k + 1)),
  );
  const out: (string | undefined)[] = tokens.map(() => undefined);
  for (let k = 0; k < tokens.length;) {
    if (!inRun[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < tokens.length && inRun[end + 1]) end++;
    const n = Math.min(4, end - k + 1);
    for (let j = k; j <= end; j++)
      out[j] = `${k === end ? 'U' : j === k ? 'B' : j === end ? 'L' : 'I'}${n}`;
    k = end + 1;
  }
  return out;
}

let transliteration: Set<string> | undefined;

/**
 * How much of a Chinese word is spelt with the characters that transliterate foreign names
 * (斯, 尔, 克, 维…: those in at least two country names): "none", "some", "most" or "all".
 * Such names ("博登敦", "霍伦贝格") are towns or people, and most of their characters never
 * occur in a bot's few examples.
 */
function transliterationShare(w: string): string {
  const han = w.match(/\p{Script=Han}/gu);
  if (!han) return 'none';
  transliteration ??= transliterationCharacters();
  const hits = han.filter((ch) => transliteration!.has(ch)).length;
  if (hits === 0) return 'none';
  return hits === han.length ? 'all' : hits * 2 >= han.length ? 'most' : 'some';
}

function transliterationCharacters(): Set<string> {
  const require = createRequire(import.meta.url);
  // Read, not `require`d, like the knowledge lists: the module cache would keep the JSON.
  const { countries } = JSON.parse(
    readFileSync(require.resolve('i18n-iso-countries/langs/zh.json'), 'utf8'),
  ) as { countries: Record<string, string | string[]> };
  const count = new Map<string, number>();
  for (const names of Object.values(countries))
    for (const name of [names].flat())
      for (const ch of new Set(name.match(/\p{Script=Han}/gu) ?? []))
        count.set(ch, (count.get(ch) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= 2).map(([ch]) => ch));
}
