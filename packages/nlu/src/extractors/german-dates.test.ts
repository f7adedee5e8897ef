import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 11:00 in Berlin.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('de', 'Europe/Berlin', NOW);

describe('German ordinals (an English rewrite)', () => {
  it.each<[string, number, string]>([
    ['der dritte', 3, 'dritte'],
    ['den ersten bitte', 1, 'ersten'],
    ['zum zweiten Mal', 2, 'zweiten'],
    ['im dritten Stock', 3, 'dritten'],
    ['ein viertes Bier', 4, 'viertes'],
    ['der einundzwanzigste', 21, 'einundzwanzigste'],
    ['zum hundertsten Mal', 100, 'hundertsten'],
    ['den achten', 8, 'achten'],
    ['den 3. Platz', 3, '3.'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it.each<[string, string, JsonValue]>([
    ['am zweiten Mai', 'zweiten Mai', '2027-05-02'],
    ['der erste Mai', 'erste Mai', '2027-05-01'],
    ['am einunddreißigsten Dezember', 'einunddreißigsten Dezember', '2026-12-31'],
    ['am dritten', 'dritten', '2026-12-03'],
  ])('"%s" is the date "%s" = %j', (text, at, value) => {
    expect(find(text)).toContainEqual({ name: 'sys.date', value, at });
  });

  it('reads a day of the month with an hour', () => {
    expect(find('am dritten um 8')).toContainEqual({
      name: 'sys.datetime',
      value: '2026-12-03T08:00:00+01:00',
      at: 'dritten um 8',
    });
  });

  it.each([
    // "achten" is to respect, "achte" respect!, without an article before them.
    'Wir achten auf Qualität',
    'achte auf den Weg',
    // "firstly" and "as three" are no positions; a second is a unit of time.
    'erstens',
    'zu dritt',
    'in einer Sekunde',
    // A number ending a sentence is no ordinal.
    'Ich nehme 3.',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('reads a floor as an ordinal, not as a day of the month', () => {
    expect(find('im dritten Stock').filter((e) => e.name === 'sys.date')).toEqual([]);
    expect(find('am dritten Tag').filter((e) => e.name === 'sys.date')).toEqual([]);
  });

  it.each<[string, string, string, JsonValue]>([
    // Numbers in words, with "und" between the units and the tens.
    ['für fünfzehn Minuten', 'sys.duration', 'fünfzehn Minuten', 900],
    ['in achtzehn Minuten', 'sys.datetime', 'in achtzehn Minuten', '2026-12-01T11:18:00+01:00'],
    ['zweiundzwanzig Personen', 'sys.number', 'zweiundzwanzig', 22],
    ['fünfhundertzwanzig', 'sys.number', 'fünfhundertzwanzig', 520],
    ['in elfeinhalb Jahren', 'sys.number', 'elfeinhalb', 11.5],
    // The hour in words, "0 Uhr" as midnight, minutes in words.
    ['um sieben Uhr morgens', 'sys.time', 'sieben Uhr morgens', '07:00:00'],
    ['einundzwanzig Uhr', 'sys.time', 'einundzwanzig Uhr', '21:00:00'],
    ['acht Uhr dreißig abends', 'sys.time', 'acht Uhr dreißig abends', '20:30:00'],
    ['um 0 Uhr', 'sys.time', '0 Uhr', '00:00:00'],
    ['in diesem Winter', 'sys.date', 'diesem Winter', { start: null, end: null }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it('reads two tickets after the hour as no minutes', () => {
    expect(find('um acht Uhr zwei Karten')).toContainEqual({
      name: 'sys.number',
      value: 2,
      at: 'zwei',
    });
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money', 'sys.percentage', 'sys.ordinal'],
      'de',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
