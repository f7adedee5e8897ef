import { tokenize } from '../text/tokenize.js';
import { createSystemExtractor } from './system-extractor.js';
import { resolveOverlaps } from './extractor.js';

// 22:30 UTC on 1 May 2024 is already 10:30 on 2 May in Auckland (UTC+12).
const REFERENCE = new Date('2024-05-01T22:30:00Z');
const extract = (
  text: string,
  timeZone = 'UTC',
  enabled?: Parameters<typeof createSystemExtractor>[0],
) =>
  resolveOverlaps(
    createSystemExtractor(enabled).extract({
      text,
      tokens: tokenize(text),
      referenceTime: REFERENCE,
      timeZone,
    }),
  );
const pick = (text: string, timeZone?: string) =>
  extract(text, timeZone).map((e) => [e.name, e.value, e.raw]);

describe('createSystemExtractor', () => {
  it('resolves dates relative to the reference time in the time zone', () => {
    expect(pick('tomorrow', 'UTC')).toEqual([['sys.date', '2024-05-02', 'tomorrow']]);
    expect(pick('tomorrow', 'Pacific/Auckland')).toEqual([['sys.date', '2024-05-03', 'tomorrow']]);
  });

  it('gives date-times as ISO 8601 with the zone offset', () => {
    expect(pick('tomorrow at 7pm', 'Pacific/Auckland')).toEqual([
      ['sys.datetime', '2024-05-03T19:00:00+12:00', 'tomorrow at 7pm'],
    ]);
  });

  it.each([
    ['table for 4 people', 'sys.number', 4, '4'],
    ['the third one', 'sys.ordinal', 3, 'third'],
    ['a 15% discount', 'sys.percentage', 15, '15%'],
    ['it costs 20 euros', 'sys.money', { amount: 20, currency: 'EUR' }, '20 euros'],
    ['for 3 days', 'sys.duration', 259200, '3 days'],
    ['mail bob@example.com', 'sys.email', 'bob@example.com', 'bob@example.com'],
    [
      'see https://parley.dev/docs',
      'sys.url',
      'https://parley.dev/docs',
      'https://parley.dev/docs',
    ],
    ['call +1 415 555 0100', 'sys.phone', '+1 415 555 0100', '+1 415 555 0100'],
  ])('%s → %s', (text, name, value, raw) => {
    const found = extract(text).find((e) => e.name === name);
    expect(found).toMatchObject({ value, raw, extractor: 'system' });
    expect(text.slice(found?.begin, found?.end)).toBe(raw);
  });

  it('extracts only the enabled entities, plus the one being asked for', () => {
    const extractor = createSystemExtractor(['sys.email']);
    const input = {
      text: 'tomorrow, 3 times',
      tokens: tokenize('tomorrow, 3 times'),
      referenceTime: REFERENCE,
      timeZone: 'UTC',
    };
    expect(extractor.extract(input)).toEqual([]);
    expect(
      extractor.extract({ ...input, expectedEntity: 'sys.number' }).map((e) => e.value),
    ).toEqual([3]);
  });

  it('reads a date-and-time for a bot that asks for dates or times, which fills those slots', () => {
    const names = (text: string, enabled: Parameters<typeof createSystemExtractor>[0]) =>
      extract(text, 'UTC', enabled).map((e) => [e.name, e.value]);
    expect(names('tomorrow at 8pm', ['sys.date'])).toEqual([
      ['sys.datetime', '2024-05-02T20:00:00+00:00'],
    ]);
    expect(names('tomorrow at 8pm', ['sys.time'])).toEqual([
      ['sys.datetime', '2024-05-02T20:00:00+00:00'],
    ]);
    expect(names('tomorrow at 8pm', ['sys.email'])).toEqual([]);
  });
});
