import { tokenize } from '../text/tokenize.js';
import { createLookupExtractor } from './lookup-extractor.js';

const extract = (defs: Parameters<typeof createLookupExtractor>[0], text: string) =>
  createLookupExtractor(defs).extract({
    text,
    tokens: tokenize(text),
    referenceTime: new Date(),
    timeZone: 'UTC',
  });

const CITY = {
  name: 'city',
  values: [
    { value: 'New York', synonyms: ['NYC', 'big apple'] },
    { value: 'München', synonyms: [] },
  ],
  fuzzy: false,
};

describe('createLookupExtractor', () => {
  it('resolves a synonym to its canonical value and keeps the raw text and offsets', () => {
    const [entity] = extract([CITY], 'flights to the Big Apple please');
    expect(entity).toEqual({
      name: 'city',
      value: 'New York',
      raw: 'Big Apple',
      begin: 15,
      end: 24,
      extractor: 'lookup',
      confidence: 1,
    });
  });

  it('matches without accents and case', () => {
    expect(extract([CITY], 'trains to MUNCHEN').map((e) => e.value)).toEqual(['München']);
  });

  it('matches a typo only when the entity is fuzzy', () => {
    expect(extract([CITY], 'hotels in new yrok')).toEqual([]);
    const [fuzzy] = extract([{ ...CITY, fuzzy: true }], 'hotels in new yrok');
    expect(fuzzy).toMatchObject({ value: 'New York', raw: 'new yrok', confidence: 0.8 });
  });
});
