import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 11:00 in Rome.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('it', 'Europe/Rome', NOW);

describe('Italian system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['domani', 'sys.date', 'domani', '2026-12-02'],
    ['dopodomani va bene', 'sys.date', 'dopodomani', '2026-12-03'],
    ['ieri', 'sys.date', 'ieri', '2026-11-30'],
    ['ci vediamo venerdì', 'sys.date', 'venerdì', '2026-12-04'],
    ['venerdì prossimo', 'sys.date', 'venerdì prossimo', '2026-12-11'],
    ['il 3 maggio', 'sys.date', '3 maggio', '2027-05-03'],
    ['il 24/12/2026', 'sys.date', '24/12/2026', '2026-12-24'],
    ['tra 3 giorni', 'sys.date', 'tra 3 giorni', '2026-12-04'],
    ['tra 1 secondo', 'sys.datetime', 'tra 1 secondo', '2026-12-01T11:00:01+01:00'],
    ['tutto il giorno', 'sys.duration', 'tutto il giorno', 86400],
    [
      'la settimana prossima',
      'sys.date',
      'settimana prossima',
      { start: '2026-12-07', end: '2026-12-14' },
    ],
    ['alle 20.30', 'sys.time', '20.30', '20:30:00'],
    ['alle sei di sera', 'sys.time', 'sei di sera', '18:00:00'],
    ['domani alle 8', 'sys.datetime', 'domani alle 8', '2026-12-02T08:00:00+01:00'],
    [
      'domani alle otto e mezza',
      'sys.datetime',
      'domani alle otto e mezza',
      '2026-12-02T08:30:00+01:00',
    ],
    [
      'oggi alle 4 del pomeriggio',
      'sys.datetime',
      'oggi alle 4 del pomeriggio',
      '2026-12-01T16:00:00+01:00',
    ],
    [
      'lunedì alle 9 meno un quarto',
      'sys.datetime',
      'lunedì alle 9 meno un quarto',
      '2026-12-07T08:45:00+01:00',
    ],
    ['per due ore', 'sys.duration', 'due ore', 7200],
    ['ventitré biglietti', 'sys.number', 'ventitré', 23],
    ['centocinquanta persone', 'sys.number', 'centocinquanta', 150],
    ['sconto del 20 per cento', 'sys.percentage', '20 per cento', 20],
    ['costa 3,50 €', 'sys.money', '3,50 €', { amount: 3.5, currency: 'EUR' }],
    ['costa venti euro', 'sys.money', 'venti euro', { amount: 20, currency: 'EUR' }],
    ['costa 1.500 euro', 'sys.money', '1.500 euro', { amount: 1500, currency: 'EUR' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // "ora" is "now" as often as "hour": neither is guessed.
    'che ora è?',
    'ora voglio una pizza',
    // "sei" is "you are", "una" the article: numbers only inside a numeral or after "alle".
    'sei tu?',
    'una pizza margherita',
    // Before a number "le" would read as Sierra Leone's currency.
    'sono le 8',
  ])('"%s" has no date, time or money, nor a number in words', (text) => {
    expect(find(text).filter((e) => e.name !== 'sys.number' || !/^\d+$/.test(e.at))).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['il terzo', 3, 'terzo'],
    ['la seconda volta', 2, 'seconda'],
    ['al quinto piano', 5, 'quinto'],
    ["l'ottavo", 8, 'ottavo'],
    ['il ventunesimo', 21, 'ventunesimo'],
    ['la trentunesima', 31, 'trentunesima'],
    ['il ventitreesimo', 23, 'ventitreesimo'],
    ['i primi', 1, 'primi'],
    ['il mio secondo figlio', 2, 'secondo'],
    ['il 3° piano', 3, '3°'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it('reads the first of the month, an ordinal, as a date', () => {
    expect(find('il primo maggio')).toContainEqual({
      name: 'sys.date',
      value: '2027-05-01',
      at: 'primo maggio',
    });
  });

  it.each([
    // In my opinion, before leaving, as soon as possible: no determiner agrees with them.
    'secondo me',
    'prima di partire',
    'il prima possibile',
    // A quarter and a second are fractions and units of time.
    "un quarto d'ora",
    'alle otto e un quarto',
    'aspetta un secondo',
    'tra 1 secondo',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.time', 'sys.number', 'sys.money', 'sys.percentage', 'sys.ordinal'],
      'it',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
