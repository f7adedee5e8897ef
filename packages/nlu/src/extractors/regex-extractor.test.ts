import { InvalidEntityPatternError } from '../errors.js';
import { tokenize } from '../text/tokenize.js';
import { createRegexExtractor } from './regex-extractor.js';

const run = (patterns: string[], text: string) =>
  createRegexExtractor([{ name: 'code', patterns }]).extract({
    text,
    tokens: tokenize(text),
    referenceTime: new Date(),
    timeZone: 'UTC',
  });

describe('createRegexExtractor', () => {
  it('finds every match with its offsets', () => {
    expect(
      run(['[A-Z]{2}-\\d{4}'], 'orders AB-1234 and cd-9999').map((e) => [e.raw, e.begin, e.end]),
    ).toEqual([
      ['AB-1234', 7, 14],
      ['cd-9999', 19, 26],
    ]);
  });

  it('uses the first capture group as the value', () => {
    expect(run(['order #(\\d+)'], 'about order #42')[0]).toMatchObject({
      value: '42',
      raw: 'order #42',
      extractor: 'regex',
    });
  });

  it('rejects a pattern that does not compile, naming the entity', () => {
    expect(() => createRegexExtractor([{ name: 'code', patterns: ['(unclosed'] }])).toThrow(
      InvalidEntityPatternError,
    );
  });
});
