import type { SupportedLanguage } from '@parley/domain';
import { tokenize } from '../text/tokenize.js';
import { knowledgeMarks } from './knowledge-marks.js';
import { lexiconBand } from './lexicon.js';
import { recognizerMarks, usesRecognizerMarks } from './recognizer-marks.js';

function marked(text: string): string[] {
  const tokens = tokenize(text);
  const marks = knowledgeMarks(tokens);
  return tokens.map((t, i) => `${t.raw}[${(marks[i] ?? []).sort().join(',')}]`);
}

describe('knowledgeMarks', () => {
  it('marks countries, regions, cities and time words, multi-word names with B/I/L', () => {
    expect(marked('a table in Saint Kitts and Nevis at 8 pm')).toEqual([
      'a[]',
      'table[]',
      'in[]',
      'Saint[country:B]',
      'Kitts[country:I]',
      'and[country:I]',
      'Nevis[city:U,country:L]',
      'at[]',
      '8[]',
      'pm[time:U]',
    ]);
    expect(marked('weather in Austin, TX next week')).toEqual([
      'weather[]',
      'in[]',
      'Austin[city:U,given-name:U]',
      ',[]',
      'TX[region:U]',
      'next[time:U]',
      'week[time:U]',
    ]);
  });

  it('reads a two-letter region code only when it is written in capitals', () => {
    expect(marked('in OR')).toEqual(['in[]', 'OR[region:U]']);
    expect(marked('this or that')).toEqual(['this[]', 'or[]', 'that[]']);
  });

  it('ignores accents and case, like the rest of the pipeline', () => {
    expect(marked('QUÉBEC')).toEqual(['QUÉBEC[city:U,region:U]']);
  });
});

describe('lexiconBand', () => {
  it('tells common words from rare ones and from names the dictionary does not know', () => {
    expect(lexiconBand('the')).toBe('10');
    expect(lexiconBand('trello')).toBe('oov');
    expect(lexiconBand('marienplatz')).toBe('oov');
    expect(lexiconBand('giraffe')).toBe('35');
    expect(lexiconBand('playlist')).toBe('50');
  });
});

describe('knowledge in the bot language', () => {
  const marks = (text: string, language: SupportedLanguage): string[][] => {
    const tokens = tokenize(text, language);
    const found = knowledgeMarks(tokens, language);
    const times = recognizerMarks(tokens, language);
    return tokens.map((_, i) => [...(found[i] ?? []), ...(times[i] ?? [])].sort());
  };

  it('marks country names as the language writes them, and no English time words', () => {
    const words = (language: SupportedLanguage) =>
      knowledgeMarks(tokenize('Deutschland at noon', language), language);
    expect(words('de')).toEqual([['country:U'], [], []]);
    expect(words('en')[2]).toEqual(['time:U']);
    // In Chinese, jieba's dictionary knows the country as a place name too (chinese-lexicon.ts).
    expect(marks('加拿大正在下雪吗', 'zh')[0]).toEqual(['country:U', 'place:U', 'pos-ns:U']);
  });

  it('marks US states in German and Dutch, which write them in English, not in Turkish', () => {
    const regions = (text: string, language: SupportedLanguage) =>
      knowledgeMarks(tokenize(text, language), language).map((m) =>
        m.filter((x) => x.startsWith('region')),
      );
    expect(regions('Wetter in New Jersey, NY', 'de')).toEqual([
      [],
      [],
      ['region:B'],
      ['region:L'],
      [],
      ['region:U'],
    ]);
    expect(regions('het weer in Oklahoma', 'nl')[3]).toEqual(['region:U']);
    expect(regions("Oklahoma'da hava", 'tr')[0]).toEqual([]);
  });

  it("marks the recognizers' dates and times where no time word list exists", () => {
    const tokens = tokenize('提醒我明天早上八点开会', 'zh');
    const times = recognizerMarks(tokens, 'zh');
    const marked = tokens.filter((_, i) => times[i]?.length).map((t) => t.raw);
    expect(marked.join('')).toBe('明天早上八点');
    expect(usesRecognizerMarks('en')).toBe(false);
    expect(usesRecognizerMarks('th')).toBe(true);
  });

  it('marks a Chinese or Japanese date written with spaces between its words as one date', () => {
    const timeWords = (text: string, language: SupportedLanguage): string => {
      const tokens = tokenize(text, language);
      const times = recognizerMarks(tokens, language);
      return tokens
        .filter((_, i) => times[i]?.some((m) => m.startsWith('time')))
        .map((t) => t.raw)
        .join(' ');
    };
    expect(timeWords('为 7个 人 预订 2029 年 6 月 8 日 在 The French Laundry 的 座位', 'zh')).toBe(
      '2029 年 6 月 8 日',
    );
    expect(timeWords('13 个 小时 之内 西 撒哈拉 会 很冷 吗', 'zh')).toBe('13 个 小时');
    expect(timeWords('明日 の 朝 8 時 に 起こして', 'ja')).toBe('明日 の 朝 8 時');
    // Latin words keep their spaces: "The French Laundry" is not read as one word.
    expect(timeWords('明天 早上 八点 在 The Ivy', 'zh')).toBe('明天 早上 八点');
  });

  it('marks a number as a number alone, and inside a time as the time only', () => {
    const tokens = tokenize('خمسة تذاكر الساعة 8 مساءً', 'ar');
    const marked = recognizerMarks(tokens, 'ar');
    expect(marked[0]).toEqual(['number:U']);
    expect(marked.slice(2).map((m) => m.filter((x) => x.startsWith('number')))).toEqual([
      [],
      [],
      [],
    ]);
    expect(marked.slice(2).every((m) => m.some((x) => x.startsWith('time')))).toBe(true);
  });
});
