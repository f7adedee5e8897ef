import { SUPPORTED_LANGUAGES, SYSTEM_ENTITIES } from '@parley/domain';
import type { SupportedLanguage } from '@parley/domain';
import { tokenize } from '../text/tokenize.js';
import type { JsonValue } from '../types.js';
import { cultureFor, systemEntityWarnings } from './system-cultures.js';
import type { RecognizerKind } from './system-cultures.js';
import { createSystemExtractor, RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 11:00 in Berlin, 18:00 in Shanghai and Tokyo is 19:00.
const NOW = new Date('2026-12-01T10:00:00Z');

function find(language: SupportedLanguage, text: string, timeZone: string) {
  return createSystemExtractor(undefined, language)
    .extract({ text, tokens: tokenize(text, language), referenceTime: NOW, timeZone })
    .map((e) => ({ name: e.name, raw: e.raw, value: e.value, at: text.slice(e.begin, e.end) }));
}

describe('system entities in the bot language', () => {
  it.each<[SupportedLanguage, string, string, string, string, JsonValue]>([
    [
      'de',
      'Europe/Berlin',
      'morgen um 8',
      'sys.datetime',
      'morgen um 8',
      '2026-12-02T08:00:00+01:00',
    ],
    ['de', 'Europe/Berlin', 'Termin am 24.12.2026', 'sys.date', '24.12.2026', '2026-12-24'],
    ['de', 'Europe/Berlin', 'am Freitag bitte', 'sys.date', 'Freitag', '2026-12-04'],
    ['de', 'Europe/Berlin', 'um 20:30 Uhr', 'sys.time', '20:30 Uhr', '20:30:00'],
    ['de', 'Europe/Berlin', 'übermorgen', 'sys.date', 'übermorgen', '2026-12-03'],
    [
      'es',
      'Europe/Madrid',
      'mañana a las ocho',
      'sys.datetime',
      'mañana a las ocho',
      '2026-12-02T08:00:00+01:00',
    ],
    ['es', 'Europe/Madrid', 'el viernes', 'sys.date', 'viernes', '2026-12-04'],
    [
      'fr',
      'Europe/Paris',
      'demain à huit heures',
      'sys.datetime',
      'demain à huit heures',
      '2026-12-02T08:00:00+01:00',
    ],
    ['fr', 'Europe/Paris', 'vendredi prochain', 'sys.date', 'vendredi prochain', '2026-12-11'],
    [
      'zh',
      'Asia/Shanghai',
      '明天早上八点提醒我',
      'sys.datetime',
      '明天早上八点',
      '2026-12-02T08:00:00+08:00',
    ],
    ['zh', 'Asia/Shanghai', '下午三点', 'sys.time', '下午三点', '15:00:00'],
    // Spaced between the words: one date-time still, its span the words as written.
    [
      'zh',
      'Asia/Shanghai',
      '明天 早上 八点 提醒 我',
      'sys.datetime',
      '明天 早上 八点',
      '2026-12-02T08:00:00+08:00',
    ],
    [
      'zh',
      'Asia/Shanghai',
      '2029 年 6 月 8 日 的 天气',
      'sys.date',
      '2029 年 6 月 8 日',
      '2029-06-08',
    ],
    ['zh', 'Asia/Shanghai', '18 分 钟 之内', 'sys.duration', '18 分 钟', 1080],
    [
      'ja',
      'Asia/Tokyo',
      '明日の朝8時に起こして',
      'sys.datetime',
      '明日の朝8時',
      '2026-12-02T08:00:00+09:00',
    ],
    ['ja', 'Asia/Tokyo', '金曜日の天気', 'sys.date', '金曜日', '2026-12-04'],
    [
      'ja',
      'Asia/Tokyo',
      '土曜 日 の 午前 4 時 に 起こし て',
      'sys.datetime',
      '土曜 日 の 午前 4 時',
      '2026-12-05T04:00:00+09:00',
    ],
  ])('%s (%s): "%s" has %s "%s" = %j', (language, zone, text, name, raw, value) => {
    expect(find(language, text, zone)).toContainEqual({ name, raw, value, at: raw });
  });

  it('reads "tomorrow" in the bot time zone: past midnight in Tokyo it is already Wednesday', () => {
    expect(find('ja', '明日', 'Asia/Tokyo')).toContainEqual(
      expect.objectContaining({ value: '2026-12-02' }),
    );
    const lateUtc = new Date('2026-12-01T16:00:00Z'); // 01:00 on Wednesday in Tokyo
    const [entity] = createSystemExtractor(['sys.date'], 'ja').extract({
      text: '明日',
      tokens: tokenize('明日', 'ja'),
      referenceTime: lateUtc,
      timeZone: 'Asia/Tokyo',
    });
    expect(entity?.value).toBe('2026-12-03');
  });

  it.each<[SupportedLanguage, string, number]>([
    ['de', 'drei Karten', 3],
    ['es', 'tres entradas', 3],
    ['fr', 'trois billets', 3],
    ['zh', '三张票', 3],
    ['ja', '百五十枚', 150],
  ])('%s: numbers in words, "%s" = %d', (language, text, value) => {
    expect(find(language, text, 'UTC')).toContainEqual(
      expect.objectContaining({ name: 'sys.number', value }),
    );
  });

  it.each<[SupportedLanguage, string, string, JsonValue]>([
    ['de', 'das kostet 3,50 €', '3,50 €', { amount: 3.5, currency: 'EUR' }],
    ['es', 'cuesta 20 euros', '20 euros', { amount: 20, currency: 'Euro' }],
    ['fr', 'ça coûte 20 euros', '20 euros', { amount: 20, currency: 'Euro' }],
    ['zh', '一共20元', '20元', { amount: 20, currency: 'CNY' }],
    ['ja', '合計500円です', '500円', { amount: 500, currency: 'JPY' }],
  ])('%s: money, "%s" has %s', (language, text, raw, value) => {
    expect(find(language, text, 'UTC')).toContainEqual({ name: 'sys.money', raw, value, at: raw });
  });

  it.each([...SUPPORTED_LANGUAGES])(
    '%s: every system entity is read in words, no warning',
    (language) => {
      expect(systemEntityWarnings(SYSTEM_ENTITIES, language, (n) => RECOGNIZER_OF[n])).toEqual([]);
    },
  );

  it('warns for the entities of a recognizer that reads only digits and symbols in the language', () => {
    const digitsOnlyOrdinals = (kind: RecognizerKind, language: SupportedLanguage) =>
      kind === 'ordinal' ? { culture: 'en-us', native: false } : cultureFor(kind, language);
    expect(
      systemEntityWarnings(
        ['sys.date', 'sys.ordinal', 'sys.number'],
        'th',
        (n) => RECOGNIZER_OF[n],
        digitsOnlyOrdinals,
      ),
    ).toEqual([
      'sys.ordinal: Recognizers-Text does not read Thai ordinals in words; only digits, symbols and ISO dates are understood',
    ]);
  });
});
