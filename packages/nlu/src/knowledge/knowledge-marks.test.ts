import { tokenize } from '../text/tokenize.js';
import { knowledgeMarks } from './knowledge-marks.js';
import { lexiconBand } from './lexicon.js';

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
