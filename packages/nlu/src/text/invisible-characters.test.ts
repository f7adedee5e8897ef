import { createEntityParser } from '../pipeline/entity-parser.js';
import { withoutInvisible } from './invisible-characters.js';

describe('invisible characters', () => {
  const parser = createEntityParser([{ name: 'order', patterns: ['ORD\\d+'] }], {
    systemEntities: ['sys.number'],
  });

  it('do not split an entity, and spans still index the original message', async () => {
    const message = 'status of ORD\u200b123\u00ad please';
    const [entity] = (await parser.parse(message)).entities.filter((e) => e.name === 'order');
    expect(entity).toMatchObject({ value: 'ORD123', begin: 10, end: 17 });
    expect(message.slice(entity!.begin, entity!.end)).toBe('ORD\u200b123');
    expect(entity!.raw).toBe('ORD\u200b123');
  });

  it('keep emoji joiners, which are part of the emoji', () => {
    const family = '👩\u200D👩\u200D👧';
    expect(withoutInvisible(`hi ${family}`).text).toBe(`hi ${family}`);
    expect(withoutInvisible('a\u200Db').text).toBe('ab');
  });
});
