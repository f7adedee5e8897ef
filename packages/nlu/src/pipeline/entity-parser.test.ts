import { createEntityParser } from './entity-parser.js';

describe('createEntityParser', () => {
  it('extracts lookup, regex and system entities without a trained model', async () => {
    const parser = createEntityParser(
      [
        { name: 'city', values: [{ value: 'Paris', synonyms: ['paname'] }] },
        { name: 'order_number', patterns: ['\\b\\d{6}\\b'] },
      ],
      { fallbackIntent: 'fallback' },
    );
    const result = await parser.parse('order 123456 to Paname tomorrow', {
      referenceTime: new Date('2024-05-01T10:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(result.intent).toEqual({ name: 'fallback', confidence: 0 });
    expect(result.source).toBe('none');
    expect(result.entities.map((e) => [e.name, e.value, e.extractor])).toEqual([
      ['order_number', '123456', 'regex'],
      ['city', 'Paris', 'lookup'],
      ['sys.date', '2024-05-02', 'system'],
    ]);
  });
});
