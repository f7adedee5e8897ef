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
