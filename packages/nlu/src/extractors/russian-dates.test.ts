import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 13:00 in Moscow.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('ru', 'Europe/Moscow', NOW);

describe('Russian system entities (an English rewrite)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['завтра', 'sys.date', 'завтра', '2026-12-02'],
    ['послезавтра', 'sys.date', 'послезавтра', '2026-12-03'],
    ['вчера', 'sys.date', 'вчера', '2026-11-30'],
    ['в пятницу', 'sys.date', 'пятницу', '2026-12-04'],
    ['в среду', 'sys.date', 'среду', '2026-12-02'],
    ['в следующую пятницу', 'sys.date', 'в следующую пятницу', '2026-12-11'],
    [
      'на прошлой неделе',
      'sys.date',
      'на прошлой неделе',
      { start: '2026-11-23', end: '2026-11-30' },
    ],
    ['3 мая', 'sys.date', '3 мая', '2027-05-03'],
    ['1 января 2027 года', 'sys.date', '1 января 2027', '2027-01-01'],
    ['через 3 дня', 'sys.date', 'через 3 дня', '2026-12-04'],
    ['3 дня назад', 'sys.date', '3 дня назад', '2026-11-28'],
    ['в 8 вечера', 'sys.time', '8 вечера', '20:00:00'],
    ['в 3 часа дня', 'sys.time', '3 часа дня', '15:00:00'],
    ['в половине девятого', 'sys.time', 'в половине девятого', '20:30:00'],
    ['завтра в 8 утра', 'sys.datetime', 'завтра в 8 утра', '2026-12-02T08:00:00+03:00'],
    ['сегодня вечером в 7', 'sys.datetime', 'сегодня вечером в 7', '2026-12-01T19:00:00+03:00'],
    ['двадцать три билета', 'sys.number', 'двадцать три', 23],
    ['двести пятьдесят человек', 'sys.number', 'двести пятьдесят', 250],
    ['скидка 20 процентов', 'sys.percentage', '20 процентов', 20],
    ['500 рублей', 'sys.money', '500 рублей', { amount: 500, currency: 'RUB' }],
    ['500 ₽', 'sys.money', '500 ₽', { amount: 500, currency: 'RUB' }],
    ['3,50 евро', 'sys.money', '3,50 евро', { amount: 3.5, currency: 'EUR' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // "среда" is also the environment; "в" is "at" only before an hour.
    'окружающая среда',
    'в Москве',
  ])('"%s" has no entity', (text) => {
    expect(find(text)).toEqual([]);
  });

  it.each<[string, number, string]>([
    ['третий', 3, 'третий'],
    ['второй', 2, 'второй'],
    ['вторая попытка', 2, 'вторая'],
    ['в третий раз', 3, 'третий'],
    ['на пятом этаже', 5, 'пятом'],
    ['у третьей двери', 3, 'третьей'],
    ['двадцать первого', 21, 'двадцать первого'],
    ['сотый', 100, 'сотый'],
    ['на 3-м этаже', 3, '3-м'],
  ])('"%s" has sys.ordinal %d at "%s"', (text, value, at) => {
    expect(find(text)).toContainEqual({ name: 'sys.ordinal', value, at });
  });

  it.each<[string, string, JsonValue]>([
    ['третьего мая', 'третьего мая', '2027-05-03'],
    ['первое января', 'первое января', '2027-01-01'],
    ['двадцать пятого декабря', 'двадцать пятого декабря', '2026-12-25'],
    ['3-го мая', '3-го мая', '2027-05-03'],
  ])('"%s" is the date "%s" = %j', (text, at, value) => {
    expect(find(text)).toContainEqual({ name: 'sys.date', value, at });
  });

  it('reads no number in the tens of an ordinal', () => {
    expect(find('двадцать первого').filter((e) => e.name === 'sys.number')).toEqual([]);
  });

  it.each([
    // The hour of half past eight, fractions.
    'в половине девятого',
    'две пятых',
    'одна десятая',
  ])('"%s" has no ordinal', (text) => {
    expect(find(text).filter((e) => e.name === 'sys.ordinal')).toEqual([]);
  });

  it('warns for no system entity', () => {
    const warnings = systemEntityWarnings(
      ['sys.date', 'sys.number', 'sys.money', 'sys.ordinal'],
      'ru',
      (n) => RECOGNIZER_OF[n],
    );
    expect(warnings).toEqual([]);
  });
});
