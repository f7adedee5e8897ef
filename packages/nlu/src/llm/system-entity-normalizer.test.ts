import { createDefaultEntityNormalizer } from './entity-normalizer.js';
import { withSystemEntities } from './system-entity-normalizer.js';

describe('withSystemEntities', () => {
  const normalizer = withSystemEntities(
    createDefaultEntityNormalizer([
      { name: 'city', values: [{ value: 'Paris', synonyms: ['paname'] }] },
    ]),
  );
  const context = (message: string) => ({
    message,
    options: { referenceTime: new Date('2026-03-10T09:00:00Z'), timeZone: 'UTC' },
    occupied: [],
  });

  it('resolves a number the LLM quoted as words, like the local pipeline', async () => {
    const result = await normalizer.normalize(
      { entityType: 'sys.number', text: 'two', value: '2' },
      context('a table for two please'),
    );
    expect(result).toMatchObject({ value: 2, raw: 'two', begin: 12, end: 15 });
  });

  it('resolves a relative date against the reference time', async () => {
    const result = await normalizer.normalize(
      { entityType: 'sys.date', text: 'tomorrow', value: 'tomorrow' },
      context('book it for tomorrow'),
    );
    expect(result?.value).toBe('2026-03-11');
  });

  it('leaves custom entity types to the lookup normalizer', async () => {
    const result = await normalizer.normalize(
      { entityType: 'city', text: 'paname', value: 'paname' },
      context('weather in paname'),
    );
    expect(result).toMatchObject({ value: 'Paris', raw: 'paname' });
  });
});
