import { tokenize } from '../text/tokenize.js';
import { namedIn, trainLabeller } from '../test-support/labeller.js';
import {
  chineseLexiconVersion,
  formatChineseLexicon,
  lexiconEntry,
  parseChineseLexicon,
  readsChineseLexicon,
} from './chinese-lexicon.js';
import { knowledgeFingerprint, knowledgeMarks, knowledgeVersions } from './knowledge-marks.js';

function marked(text: string): string[] {
  const tokens = tokenize(text, 'zh');
  const marks = knowledgeMarks(tokens, 'zh');
  return tokens.map((t, i) => `${t.raw}[${(marks[i] ?? []).sort().join(',')}]`);
}

// First: the table is loaded once per process, so this must run before any Chinese bot does.
describe('the Chinese dictionary for other languages', () => {
  it('is neither loaded nor hashed nor recorded for an English or a Japanese bot', () => {
    const tokens = tokenize('weather in Beijing 北京', 'en');
    expect(knowledgeMarks(tokens, 'en').flat()).toEqual(['city:U']);
    knowledgeMarks(tokenize('北京の天気', 'ja'), 'ja');
    expect(chineseLexiconVersion()).toBeUndefined();
    expect(knowledgeFingerprint('en')).not.toHaveProperty('chinese-lexicon');
    expect(knowledgeFingerprint('ja')).not.toHaveProperty('chinese-lexicon');
    expect(readsChineseLexicon('ja')).toBe(false);
  });
});

describe('chineseLexiconMarks', () => {
  it('marks a place name, a time word and every word with its part of speech', () => {
    expect(marked('我想去北京')).toEqual(['我想去[]', '北京[place:U,pos-ns:U]']);
    expect(marked('明天会下雨吗')).toEqual([
      '明天[pos-t:U,time:U]',
      '会[pos-v:U]',
      '下雨[pos-v:U]',
      '吗[pos-y:U]',
    ]);
  });

  it('marks a dictionary word over the several tokens the segmenter cut it into', () => {
    // The segmenter cuts 亚利桑那州 (Arizona) in two; the dictionary knows both the state and 亚利桑那.
    expect(marked('亚利桑那州的天气')).toEqual([
      '亚利桑那[place:B,place:U,pos-ns:U]',
      '州[place:L,pos-n:U]',
      '的[pos-uj:U]',
      '天气[pos-n:U]',
    ]);
  });

  it('marks no single-character place and nothing over Latin words or digits', () => {
    expect(marked('绍')).toEqual(['绍[pos-ns:U]']);
    expect(marked('播放 Adele 3')).toEqual(['播放[pos-v:U]', 'Adele[]', '3[]']);
  });

  it('records its version and hashes its file for a Chinese bot', () => {
    expect(chineseLexiconVersion()).toMatch(/^jieba-0\.42\.1\/dict\.txt\/\d+w$/);
    expect(knowledgeVersions('zh')['chinese-lexicon']).toBe(chineseLexiconVersion());
    expect(knowledgeVersions('en')).not.toHaveProperty('chinese-lexicon');
    expect(knowledgeFingerprint('zh')['chinese-lexicon']).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the lexicon file', () => {
  it('writes the same bytes for the same words in any order, with jieba’s notice', () => {
    const entries = [
      lexiconEntry('北京', 'ns'),
      lexiconEntry('今天', 't'),
      lexiconEntry('AT&T', 'nz'),
      lexiconEntry('天气', 'n'),
      lexiconEntry('北京', 'n'),
    ].flatMap((e) => (e ? [e] : []));
    const text = formatChineseLexicon('test', entries);
    expect(formatChineseLexicon('test', [...entries.slice(0, 3).reverse(), entries[3]!])).toBe(
      text,
    );
    expect(text).toContain('MIT License, Copyright (c) 2013 Sun Junyi');
    const lexicon = parseChineseLexicon(text);
    expect(lexicon.version).toBe('test');
    expect(lexicon.groupOf('北京')).toBe('ns');
    expect(lexicon.groupOf('天气')).toBe('n');
    expect(lexicon.groupOf('at&t')).toBeUndefined();
    expect(() => parseChineseLexicon('北京\tns\n')).toThrow(/not a parley lexicon/);
  });
});

describe('a Chinese labeller', () => {
  it('finds a place it was never shown from the dictionary marks, whatever the seed', async () => {
    const train = [
      '[北京](city)明天会下雨吗',
      '[上海](city)今天热吗',
      '明天[广州](city)的天气怎么样',
      '[伦敦](city)冷不冷',
      '今天会下雨吗',
      '明天热吗',
      '我想知道[纽约](city)的天气',
      '[东京](city)下周会下雪吗',
      '现在外面冷吗',
      '告诉我天气预报',
    ];
    const bot = { intent: 'weather', language: 'zh', knowledge: true } as const;
    for (const seed of [1, 2, 3]) {
      const labeller = await trainLabeller(train, bot, seed);
      const named = (text: string): string[][] => namedIn(labeller, text, bot);
      expect(named('我想知道成都的天气')).toEqual([['city', '成都']]);
      expect(named('我想知道旧金山的天气')).toEqual([['city', '旧金山']]);
      expect(named('明天会下雪吗')).toEqual([]);
    }
  });
});
