import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps offsets into the original text, accents and emoji included', () => {
    const text = 'Café in Münchner Freiheit 🙂 at 10:30?';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.begin, t.end)).toBe(t.raw);
    expect(tokens.map((t) => t.norm)).toEqual([
      'cafe',
      'in',
      'munchner',
      'freiheit',
      '🙂',
      'at',
      '10:30',
      '?',
    ]);
    expect(tokens.map((t) => t.kind)).toEqual([
      'word',
      'word',
      'word',
      'word',
      'emoji',
      'word',
      'number',
      'punct',
    ]);
  });

  it('keeps an emoji ZWJ sequence as one token', () => {
    const tokens = tokenize('hi 👩‍💻!');
    expect(tokens.map((t) => t.raw)).toEqual(['hi', '👩‍💻', '!']);
  });

  it('splits hyphens and apostrophes so that entity spans can align to words', () => {
    expect(tokenize("what's the next u-bahn").map((t) => t.raw)).toEqual([
      'what',
      "'",
      's',
      'the',
      'next',
      'u',
      '-',
      'bahn',
    ]);
  });

  it('keeps a number with a unit or suffix whole, so a version or a time is one span', () => {
    expect(tokenize('from 12.04LTS to 14.04, off at 5:30pm.').map((t) => [t.raw, t.kind])).toEqual([
      ['from', 'word'],
      ['12.04LTS', 'word'],
      ['to', 'word'],
      ['14.04', 'number'],
      [',', 'punct'],
      ['off', 'word'],
      ['at', 'word'],
      ['5:30pm', 'word'],
      ['.', 'punct'],
    ]);
  });
});

describe('tokenize in the bot language', () => {
  it('splits Chinese into words with Intl.Segmenter, offsets into the original', () => {
    const text = '提醒我明天早上8点去北京开会！';
    const tokens = tokenize(text, 'zh');
    for (const t of tokens) expect(text.slice(t.begin, t.end)).toBe(t.raw);
    expect(tokens.map((t) => t.raw)).toEqual(
      expect.arrayContaining(['明天', '早上', '8', '点', '北京', '开会', '！']),
    );
    expect(tokens.find((t) => t.raw === '8')?.kind).toBe('number');
    expect(tokens.at(-1)?.kind).toBe('punct');
  });

  it('keeps the words of a writer who put spaces between them', () => {
    expect(tokenize('查看 内布拉斯加州 的 天气', 'zh').map((t) => t.raw)).toEqual([
      '查看',
      '内布拉斯加州',
      '的',
      '天气',
    ]);
    expect(tokenize('查看内布拉斯加州的天气', 'zh').length).toBeGreaterThan(4);
  });

  it('splits Japanese and Thai runs too, and a Latin word inside them', () => {
    expect(tokenize('iPhoneの天気', 'ja').map((t) => t.raw)).toEqual(['iPhone', 'の', '天気']);
    expect(tokenize('สวัสดีครับ', 'th').map((t) => t.raw)).toEqual(['สวัสดี', 'ครับ']);
  });

  it('keeps Japanese voiced kana apart (no accent folding) but makes full-width forms plain', () => {
    expect(tokenize('が Ａ１', 'ja').map((t) => t.norm)).toEqual(['が', 'a1']);
    expect(tokenize('Café', 'fr')[0]?.norm).toBe('cafe');
  });

  it('keeps Arabic in logical order and drops the optional vowel marks', () => {
    const text = 'مَدْرَسَة في دبي';
    const tokens = tokenize(text, 'ar');
    expect(tokens.map((t) => t.raw)).toEqual(['مَدْرَسَة', 'في', 'دبي']);
    expect(tokens[0]?.norm).toBe('مدرسة');
    expect(tokens[0]?.begin).toBe(0);
  });

  it('folds Turkish dotted and dotless i alike', () => {
    expect(tokenize('İstanbul ılık', 'tr').map((t) => t.norm)).toEqual(['istanbul', 'ilik']);
  });

  it('stems in the language: German, Spanish, Indonesian, Arabic; English as before', () => {
    expect(tokenize('Häuser', 'de')[0]?.stem).toBe('haus');
    expect(tokenize('recordatorios', 'es')[0]?.stem).toBe('recordatori');
    expect(tokenize('pengingat', 'id')[0]?.stem).toBe('ingat');
    expect(tokenize('reminders', 'en')[0]?.stem).toBe('remind');
    expect(tokenize('提醒', 'zh')[0]?.stem).toBe('提醒');
    expect(tokenize('بالمدينة', 'ar')[0]?.stem).toBe('مدين');
  });

  it('keeps a Chinese run whole in a language written with spaces, as before', () => {
    expect(tokenize('find PlayStation官方杂志, a song', 'en').map((t) => t.raw)).toEqual([
      'find',
      'PlayStation官方杂志',
      ',',
      'a',
      'song',
    ]);
  });

  it('tokenizes English exactly as without a language', () => {
    const text = "What's the weather in Köln at 5:30pm? 👩‍💻 12.04LTS";
    expect(tokenize(text, 'en')).toEqual(tokenize(text));
  });
});
