import { describe, expect, it } from '@jest/globals';
import { frequentWords } from './frequent-words.js';

describe('frequentWords', () => {
  const list = ['the', 'München', 'munchen', 'new york', ',', 'Buy', '😀', 'buy', 'film', 'movie'];

  it('keeps whole words once per token norm, the most frequent spelling first, up to the limit', () => {
    expect(frequentWords(list, 4)).toEqual([
      { word: 'the', norm: 'the' },
      { word: 'München', norm: 'munchen' },
      { word: 'Buy', norm: 'buy' },
      { word: 'film', norm: 'film' },
    ]);
  });

  it('skips the words the caller cannot use without spending the limit on them', () => {
    const found = frequentWords(list, 3, (word) => word !== 'München');
    expect(found.map((f) => f.word)).toEqual(['the', 'munchen', 'Buy']);
  });
});
