import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 11:00 in Amsterdam.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('nl', 'Europe/Amsterdam', NOW);

describe('Dutch system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['morgen graag', 'sys.date', 'morgen', '2026-12-02'],
    ['overmorgen', 'sys.date', 'overmorgen', '2026-12-03'],
    ['gisteren', 'sys.date', 'gisteren', '2026-11-30'],
    ['op vrijdag', 'sys.date', 'vrijdag', '2026-12-04'],
    ['volgende vrijdag', 'sys.date', 'volgende vrijdag', '2026-12-11'],
    ['op 3 mei', 'sys.date', '3 mei', '2027-05-03'],
    ['op de 28ste', 'sys.date', '28ste', '2026-12-28'],
    ['over een uur', 'sys.datetime', 'over een uur', '2026-12-01T12:00:00+01:00'],
    ['op 24-12-2026', 'sys.date', '24-12-2026', '2026-12-24'],
    ['over 3 dagen', 'sys.date', 'over 3 dagen', '2026-12-04'],
    ['vorige week', 'sys.date', 'vorige week', { start: '2026-11-23', end: '2026-11-30' }],
    ['om half negen', 'sys.time', 'half negen', '20:30:00'],
    ['om 20.30 uur', 'sys.time', '20.30 uur', '20:30:00'],
    ["om 9 uur 's avonds", 'sys.time', "9 uur 's avonds", '21:00:00'],
    ['morgen om 8 uur', 'sys.datetime', 'morgen om 8 uur', '2026-12-02T08:00:00+01:00'],
    [
      'morgenavond om acht uur',
      'sys.datetime',
      'morgenavond om acht uur',
      '2026-12-02T20:00:00+01:00',
    ],
    ['maandagochtend om 9', 'sys.datetime', 'maandagochtend om 9', '2026-12-07T09:00:00+01:00'],
    ['eenentwintig kaartjes', 'sys.number', 'eenentwintig', 21],
    ['tweehonderdvijftig mensen', 'sys.number', 'tweehonderdvijftig', 250],
    ['20 procent korting', 'sys.percentage', '20 procent', 20],
    ['het kost 3,50 euro', 'sys.money', '3,50 euro', { amount: 3.5, currency: 'EUR' }],
    ['€ 12,50', 'sys.money', '€ 12,50', { amount: 12.5, currency: 'EUR' }],
    ['twintig euro', 'sys.money', 'twintig euro', { amount: 20, currency: 'EUR' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // "morgen" is tomorrow, except in a greeting.
    'goedemorgen',
    'goede morgen, hoe gaat het?',
    // "een" is the article.
    'een pizza alstublieft',
  ])('"%s" has no entity', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('reads "\'s morgens" as the morning, not as tomorrow', () => {
    expect(find("'s morgens om 7")).toContainEqual({
      name: 'sys.time',
      value: '07:00:00',
      at: "'s morgens om 7",
    });
  });

  it.each<[string, number, string]>([
    ['de derde', 3, 'derde'],
    ['het eerste huis', 1, 'eerste'],
    ['op de vierde verdieping', 4, 'vierde'],
    ['een tweede kans', 2, 'tweede'],
    ['de tweeëntwintigste', 22, 'tweeëntwintigste'],
    ['de eenendertigste', 31, 'eenendertigste'],
    ['de 3e klas', 3, '3e'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it('reads a day of the month said as an ordinal before the month as a date', () => {
    expect(find('op de eenendertigste december')).toContainEqual({
      name: 'sys.date',
      value: '2026-12-31',
      at: 'eenendertigste december',
    });
  });

  it.each([
    // Fractions, and "eerst" (first, the adverb).
    'twee derde van de taart',
    'een derde van de prijs',
    'eerst even kijken',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.number', 'sys.money', 'sys.percentage', 'sys.ordinal'],
      'nl',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
