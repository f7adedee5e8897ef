import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 11:00 in Stockholm.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('sv', 'Europe/Stockholm', NOW);

describe('Swedish system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['i morgon', 'sys.date', 'i morgon', '2026-12-02'],
    ['i övermorgon', 'sys.date', 'i övermorgon', '2026-12-03'],
    ['igår', 'sys.date', 'igår', '2026-11-30'],
    ['på fredag', 'sys.date', 'fredag', '2026-12-04'],
    ['nästa fredag', 'sys.date', 'nästa fredag', '2026-12-11'],
    ['den 3 maj', 'sys.date', '3 maj', '2027-05-03'],
    ['om 3 dagar', 'sys.date', 'om 3 dagar', '2026-12-04'],
    ['för 3 dagar sedan', 'sys.date', 'för 3 dagar sedan', '2026-11-28'],
    ['förra veckan', 'sys.date', 'förra veckan', { start: '2026-11-23', end: '2026-11-30' }],
    ['klockan halv nio', 'sys.time', 'halv nio', '20:30:00'],
    ['kl. 20.30', 'sys.time', '20.30', '20:30:00'],
    ['på morgonen klockan 7', 'sys.time', 'på morgonen klockan 7', '07:00:00'],
    ['imorgon klockan 8', 'sys.datetime', 'imorgon klockan 8', '2026-12-02T08:00:00+01:00'],
    ['ikväll klockan åtta', 'sys.datetime', 'ikväll klockan åtta', '2026-12-01T20:00:00+01:00'],
    ['tjugotre biljetter', 'sys.number', 'tjugotre', 23],
    ['tvåhundrafemtio personer', 'sys.number', 'tvåhundrafemtio', 250],
    ['20 procent rabatt', 'sys.percentage', '20 procent', 20],
    ['det kostar 100 kronor', 'sys.money', '100 kronor', { amount: 100, currency: 'SEK' }],
    ['3,50 kr', 'sys.money', '3,50 kr', { amount: 3.5, currency: 'SEK' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // "morgon" is tomorrow only after "i"; "om" is "in" only before a number of days; "en" the article.
    'god morgon',
    'om du vill',
    'en biljett tack',
  ])('"%s" has no entity', (text) => {
    expect(find(text)).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['den tredje', 3, 'tredje'],
    ['första gången', 1, 'första'],
    ['för andra gången', 2, 'andra'],
    ['andra våningen', 2, 'andra'],
    ['vill ha den fjärde', 4, 'fjärde'],
    ['den tjugoförsta', 21, 'tjugoförsta'],
    ['den 3:e', 3, '3:e'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it.each<[string, string, JsonValue]>([
    ['den tredje maj', 'tredje maj', '2027-05-03'],
    ['andra maj', 'andra maj', '2027-05-02'],
    ['den 3:e maj', '3:e maj', '2027-05-03'],
    ['den trettioförsta december', 'trettioförsta december', '2026-12-31'],
  ])('"%s" is the date "%s" = %j', (text, at, value) => {
    expect(find(text)).toContainEqual({ name: 'sys.date', value, at });
  });

  it.each([
    // "andra" is "other" but before a month or a place in a row.
    'de andra',
    'den andra',
    'andra saker',
    'på andra sidan',
    'jag förstår inte',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.number', 'sys.money', 'sys.ordinal'],
      'sv',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
