import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 17:00 in Jakarta.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('id', 'Asia/Jakarta', NOW);

describe('Indonesian system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['besok', 'sys.date', 'besok', '2026-12-02'],
    ['lusa', 'sys.date', 'lusa', '2026-12-03'],
    ['kemarin', 'sys.date', 'kemarin', '2026-11-30'],
    ['hari Senin', 'sys.date', 'Senin', '2026-12-07'],
    ['hari minggu', 'sys.date', 'minggu', '2026-12-06'],
    ['jumat depan', 'sys.date', 'jumat depan', '2026-12-11'],
    ['minggu depan', 'sys.date', 'minggu depan', { start: '2026-12-07', end: '2026-12-14' }],
    ['tanggal 3 Mei', 'sys.date', '3 Mei', '2027-05-03'],
    ['3 hari lagi', 'sys.date', '3 hari lagi', '2026-12-04'],
    ['dalam 3 hari', 'sys.date', 'dalam 3 hari', '2026-12-04'],
    ['jam 8 malam', 'sys.time', '8 malam', '20:00:00'],
    ['pukul 20.30', 'sys.time', '20.30', '20:30:00'],
    ['jam setengah 9', 'sys.time', 'setengah 9', '20:30:00'],
    ['besok jam 8 pagi', 'sys.datetime', 'besok jam 8 pagi', '2026-12-02T08:00:00+07:00'],
    ['hari ini jam 4 sore', 'sys.datetime', 'hari ini jam 4 sore', '2026-12-01T16:00:00+07:00'],
    ['selama 2 minggu', 'sys.duration', '2 minggu', 1209600],
    ['dua puluh tiga tiket', 'sys.number', 'dua puluh tiga', 23],
    ['seratus lima puluh orang', 'sys.number', 'seratus lima puluh', 150],
    ['diskon 20 persen', 'sys.percentage', '20 persen', 20],
    ['Rp 50.000', 'sys.money', 'Rp 50.000', { amount: 50000, currency: 'IDR' }],
    ['50 ribu rupiah', 'sys.money', '50 ribu rupiah', { amount: 50000, currency: 'IDR' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // "jam" is a clock time only before an hour, "hari" a day only with a number or a name.
    'jam tangan baru',
    'hari yang indah',
    'saya mau makan',
  ])('"%s" has no entity', (text) => {
    expect(find(text)).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['yang ketiga', 3, 'ketiga'],
    ['anak kedua saya', 2, 'kedua'],
    ['untuk kedua kalinya', 2, 'kedua'],
    ['halaman ketiga dari buku', 3, 'ketiga'],
    ['hari pertama', 1, 'pertama'],
    ['yang kedua belas', 12, 'kedua belas'],
    ['kedua puluh satu', 21, 'kedua puluh satu'],
    ['kesepuluh', 10, 'kesepuluh'],
    ['lantai ke-3', 3, 'ke-3'],
    ['yang ke 5', 5, 'ke 5'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it('reads no number inside an ordinal', () => {
    expect(find('kedua puluh satu').filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each([
    // "kedua", "ketiga" before a noun are "both", "all three"; "keduanya" is both of them.
    'kedua orang tua',
    'keduanya',
    'ketiga anak itu',
    'saya suka kedua buku itu',
    // "ke" is "to" before a number of things; "pertama-tama" is "first of all".
    'pergi ke 3 kota',
    'pertama-tama',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.number', 'sys.money', 'sys.ordinal'],
      'id',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
