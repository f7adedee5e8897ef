import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 13:00 in Istanbul.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('tr', 'Europe/Istanbul', NOW);

describe('Turkish system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['yarın', 'sys.date', 'yarın', '2026-12-02'],
    ['yarına randevu', 'sys.date', 'yarına', '2026-12-02'],
    ['yarından sonra', 'sys.date', 'yarından sonra', '2026-12-03'],
    ['dün', 'sys.date', 'dün', '2026-11-30'],
    ['cumaya', 'sys.date', 'cumaya', '2026-12-04'],
    ['pazartesi günü', 'sys.date', 'pazartesi günü', '2026-12-07'],
    ['gelecek cuma', 'sys.date', 'gelecek cuma', '2026-12-11'],
    ['3 mayısta', 'sys.date', '3 mayısta', '2027-05-03'],
    ["ayın 28'inde", 'sys.date', "28'inde", '2026-12-28'],
    ["Kasım'da", 'sys.date', "Kasım'da", { start: '2027-11-01', end: '2027-12-01' }],
    ['15 saniye içinde', 'sys.datetime', '15 saniye içinde', '2026-12-01T13:00:15+03:00'],
    ['24.12.2026', 'sys.date', '24.12.2026', '2026-12-24'],
    ['3 gün sonra', 'sys.date', '3 gün sonra', '2026-12-04'],
    ['haftaya', 'sys.date', 'haftaya', { start: '2026-12-07', end: '2026-12-14' }],
    ['geçen hafta', 'sys.date', 'geçen hafta', { start: '2026-11-23', end: '2026-11-30' }],
    ['saat sekizde', 'sys.time', 'sekizde', '20:00:00'],
    ['saat 8 buçukta', 'sys.time', '8 buçukta', '20:30:00'],
    ["akşam 7'de", 'sys.time', "akşam 7'de", '19:00:00'],
    ["yarın saat 8'de", 'sys.datetime', "yarın saat 8'de", '2026-12-02T08:00:00+03:00'],
    ["yarın sabah saat 9'da", 'sys.datetime', "yarın sabah saat 9'da", '2026-12-02T09:00:00+03:00'],
    ['bir saat', 'sys.duration', 'bir saat', 3600],
    ['yirmi üç bilet', 'sys.number', 'yirmi üç', 23],
    ['iki yüz elli kişi', 'sys.number', 'iki yüz elli', 250],
    ['yüzde 20 indirim', 'sys.percentage', 'yüzde 20', 20],
    ['100 lira', 'sys.money', '100 lira', { amount: 100, currency: 'TRY' }],
    ['3,50 TL', 'sys.money', '3,50 TL', { amount: 3.5, currency: 'TRY' }],
    ['₺100', 'sys.money', '₺100', { amount: 100, currency: 'TRY' }],
    // A clock time after a part of the day, in any case ("to 6", "from 5:30"), with its ending.
    ["sabah 6'ya", 'sys.time', "sabah 6'ya", '06:00:00'],
    ["yarın sabah 7'ye", 'sys.datetime', "yarın sabah 7'ye", '2026-12-02T07:00:00+03:00'],
    ["sabah 5:30'dan", 'sys.time', "sabah 5:30'dan", '05:30:00'],
    ["gece 0'da", 'sys.time', "0'da", '00:00:00'],
    ["saat 0'da", 'sys.time', "0'da", '00:00:00'],
    ["1995'ten", 'sys.date', "1995'ten", { start: '1995-01-01', end: '1996-01-01' }],
    ['bu kış', 'sys.date', 'bu kış', { start: null, end: null }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // "bir" is the article, "yüz" the face, "ekim" sowing, "ay" the moon.
    'bir bilet lütfen',
    'yüzünü yıka',
    'ekim ekmek',
    'ay çok güzel',
  ])('"%s" has no entity', (text) => {
    expect(find(text)).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['üçüncü', 3, 'üçüncü'],
    ['üçüncüsü', 3, 'üçüncüsü'],
    ['birinciyi istiyorum', 1, 'birinciyi'],
    ['ikinci kat', 2, 'ikinci'],
    ['İkinci kat', 2, 'İkinci'],
    ['bir ikinci şans', 2, 'ikinci'],
    ['otuz birinci gün', 31, 'otuz birinci'],
    ['onuncu', 10, 'onuncu'],
    ['ilk gün', 1, 'ilk'],
    ['ilki', 1, 'ilki'],
    ["3'üncü", 3, "3'üncü"],
    ['3. kat', 3, '3.'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it('reads no number in the tens of an ordinal', () => {
    expect(find('yirmi birinci').filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each([
    // Spring and primary school begin with "ilk"; a number ending a sentence is no ordinal.
    'ilkbahar',
    'ilkokul',
    'saat 3. Sonra',
    'on kişi',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.number', 'sys.money', 'sys.ordinal'],
      'tr',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
