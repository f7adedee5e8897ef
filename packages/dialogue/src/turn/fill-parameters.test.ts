import { ZParameter } from '@parley/domain';
import type { ExtractedEntity } from '@parley/nlu';
import { declaredValues, fillFromEntities, missingParameters } from './fill-parameters.js';

const entity = (name: string, value: string, begin: number): ExtractedEntity => ({
  name,
  value,
  raw: value,
  begin,
  end: begin + value.length,
  extractor: 'lookup',
  confidence: 1,
});

const params = [
  ZParameter.parse({ name: 'from', entity: 'city' }),
  ZParameter.parse({ name: 'to', entity: 'city' }),
  ZParameter.parse({ name: 'date', entity: 'sys.date', required: false }),
  ZParameter.parse({ name: 'note' }),
];

describe('fillFromEntities', () => {
  it('fills two parameters of one type in message order', () => {
    const { values, filled } = fillFromEntities(params, {}, [
      entity('city', 'London', 20),
      entity('city', 'Paris', 5),
    ]);
    expect(values).toEqual({ from: 'Paris', to: 'London' });
    expect(filled).toEqual(['from', 'to']);
  });

  it('gives the pending parameter the first matching entity', () => {
    const { values } = fillFromEntities(params, {}, [entity('city', 'Rome', 0)], 'to');
    expect(values).toEqual({ to: 'Rome' });
  });

  it('does not overwrite filled values nor fill free-text parameters', () => {
    const input = { from: 'Oslo' };
    const { values } = fillFromEntities(params, input, [
      entity('city', 'Rome', 0),
      entity('sys.date', '2025-01-01', 9),
    ]);
    expect(values).toEqual({ from: 'Oslo', to: 'Rome', date: '2025-01-01' });
    expect(input).toEqual({ from: 'Oslo' });
  });

  it('treats names like constructor and __proto__ as ordinary parameters', () => {
    const odd = [
      ZParameter.parse({ name: 'constructor', entity: 'city' }),
      ZParameter.parse({ name: '__proto__', entity: 'city' }),
    ];
    const { values } = fillFromEntities(odd, {}, [entity('city', 'A', 0), entity('city', 'B', 2)]);
    expect(Object.keys(values)).toEqual(['constructor', '__proto__']);
    expect(missingParameters(odd, values)).toEqual([]);
    expect(missingParameters(odd, {}).map((p) => p.name)).toEqual(['constructor', '__proto__']);
  });
});

describe('declaredValues', () => {
  it('keeps only parameters the intent declares', () => {
    expect(declaredValues(params, { from: 'Paris', admin: true })).toEqual({ from: 'Paris' });
  });
});

describe('missingParameters', () => {
  it('lists required parameters without a value, in order', () => {
    expect(missingParameters(params, { to: 'x' }).map((p) => p.name)).toEqual(['from', 'note']);
  });
});

describe('a date-and-time', () => {
  const booking = [
    ZParameter.parse({ name: 'day', entity: 'sys.date' }),
    ZParameter.parse({ name: 'at', entity: 'sys.time' }),
  ];
  const at = (value: ExtractedEntity['value'], begin = 0): ExtractedEntity => ({
    name: 'sys.datetime',
    value,
    raw: 'morgen um 8',
    begin,
    end: begin + 11,
    extractor: 'system',
    confidence: 1,
  });

  it('fills a date parameter with its day and a time parameter with its clock time', () => {
    const { values, filled } = fillFromEntities(booking, {}, [at('2026-12-02T08:00:00+01:00')]);
    expect(values).toEqual({ day: '2026-12-02', at: '08:00:00' });
    expect(filled).toEqual(['day', 'at']);
  });

  it('gives a range on one day as that day, and a time range as clock times', () => {
    const evening = at({ start: '2026-12-02T16:00:00+01:00', end: '2026-12-02T20:00:00+01:00' });
    expect(fillFromEntities(booking, {}, [evening]).values).toEqual({
      day: '2026-12-02',
      at: { start: '16:00:00', end: '20:00:00' },
    });
  });

  it('fills the day from a date, the time and a datetime parameter from a date-and-time', () => {
    const withWhen = [...booking, ZParameter.parse({ name: 'when', entity: 'sys.datetime' })];
    const { values } = fillFromEntities(withWhen, {}, [
      entity('sys.date', '2026-12-05', 0),
      at('2026-12-02T08:00:00+01:00', 20),
    ]);
    expect(values).toEqual({
      day: '2026-12-05',
      at: '08:00:00',
      when: '2026-12-02T08:00:00+01:00',
    });
  });

  it('does not fill a number or a city parameter', () => {
    const other = [
      ZParameter.parse({ name: 'n', entity: 'sys.number' }),
      ZParameter.parse({ name: 'c', entity: 'city' }),
    ];
    expect(fillFromEntities(other, {}, [at('2026-12-02T08:00:00+01:00')]).filled).toEqual([]);
  });
});
