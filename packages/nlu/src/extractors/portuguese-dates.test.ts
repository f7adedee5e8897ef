import { systemEntitiesIn } from '../test-support/system-entities.js';
import type { JsonValue } from '../types.js';
import { systemEntityWarnings } from './system-cultures.js';
import { RECOGNIZER_OF } from './system-extractor.js';

// Tuesday 1 December 2026, 07:00 in São Paulo.
const NOW = new Date('2026-12-01T10:00:00Z');

const find = systemEntitiesIn('pt', 'America/Sao_Paulo', NOW);

describe('Portuguese dates and times (an English rewrite; numbers and money native)', () => {
  it.each<[string, string, string, JsonValue]>([
    ['amanhã', 'sys.date', 'amanhã', '2026-12-02'],
    ['depois de amanhã', 'sys.date', 'depois de amanhã', '2026-12-03'],
    ['ontem', 'sys.date', 'ontem', '2026-11-30'],
    ['na sexta-feira', 'sys.date', 'sexta-feira', '2026-12-04'],
    ['na sexta', 'sys.date', 'sexta', '2026-12-04'],
    ['sexta que vem', 'sys.date', 'sexta que vem', '2026-12-11'],
    ['próxima sexta', 'sys.date', 'próxima sexta', '2026-12-11'],
    ['no dia 3 de maio', 'sys.date', '3 de maio', '2027-05-03'],
    ['1º de maio de 2027', 'sys.date', '1º de maio de 2027', '2027-05-01'],
    ['daqui a 3 dias', 'sys.date', 'daqui a 3 dias', '2026-12-04'],
    ['semana que vem', 'sys.date', 'semana que vem', { start: '2026-12-07', end: '2026-12-14' }],
    ['às 20h30', 'sys.time', '20h30', '20:30:00'],
    ['às 8 da manhã', 'sys.time', '8 da manhã', '08:00:00'],
    ['amanhã às 8', 'sys.datetime', 'amanhã às 8', '2026-12-02T08:00:00-03:00'],
    ['amanhã às 14h', 'sys.datetime', 'amanhã às 14h', '2026-12-02T14:00:00-03:00'],
    ['três ingressos', 'sys.number', 'três', 3],
    ['custa 20 reais', 'sys.money', '20 reais', { amount: 20, currency: 'Real brasileiro' }],
  ])('"%s" has %s "%s" = %j', (text, name, at, value) => {
    expect(find(text)).toContainEqual({ name, value, at });
  });

  it.each([
    // The bare weekdays "segunda" … "sexta" are ordinals too.
    'é a segunda vez',
    'a quinta posição',
  ])('"%s" has no date', (text) => {
    expect(find(text).filter((e) => e.name.startsWith('sys.date'))).toEqual([]);
  });

  it('no longer warns for dates and times', () => {
    const entities = ['sys.date', 'sys.time', 'sys.number', 'sys.money'] as const;
    expect(systemEntityWarnings(entities, 'pt', (n) => RECOGNIZER_OF[n])).toEqual([]);
  });
});
