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
