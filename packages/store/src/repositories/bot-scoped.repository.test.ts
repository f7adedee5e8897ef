import { DuplicateKeyError } from '../errors.js';
import { useTestStore } from '../test-support/test-database.js';

describe('IntentRepository', () => {
  const store = useTestStore();
  const greet = {
    intentId: 'greet',
    name: 'Greet',
    responses: ['Hi!'],
    trainingData: [{ text: 'hello' }],
  };

  it('creates, lists, replaces and deletes intents per bot', async () => {
    const intents = store().intents;
    await intents.create('bot-a', greet);
    await intents.create('bot-b', { ...greet, name: 'Other bot' });
    expect((await intents.list('bot-a')).map((intent) => intent.name)).toEqual(['Greet']);
    expect((await intents.get('bot-b', 'greet'))?.name).toBe('Other bot');

    const replaced = await intents.replace('bot-a', 'greet', { ...greet, responses: ['Hello!'] });
    expect(replaced?.responses).toEqual(['Hello!']);
    expect(await intents.replace('bot-a', 'missing', greet)).toBeNull();

    expect(await intents.delete('bot-a', 'greet')).toBe(true);
    expect(await intents.get('bot-a', 'greet')).toBeNull();
    expect(await intents.get('bot-b', 'greet')).not.toBeNull();
  });

  it('tells when each intent was last written', async () => {
    await store().intents.create('bot-t', greet);
    await store().intents.create('bot-t', { ...greet, intentId: 'bye' });
    const before = (await store().intents.lastUpdated('bot-t')).get('greet')!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store().intents.replace('bot-t', 'greet', { ...greet, responses: ['Hey'] });
    const after = await store().intents.lastUpdated('bot-t');
    expect([...after.keys()].sort()).toEqual(['bye', 'greet']);
    expect(after.get('greet')!.getTime()).toBeGreaterThan(before.getTime());
    expect(after.get('bye')!.getTime()).toBeLessThan(after.get('greet')!.getTime());
  });

  it('enforces a unique intentId per bot', async () => {
    await store().intents.create('bot-u', greet);
    await expect(store().intents.create('bot-u', greet)).rejects.toBeInstanceOf(DuplicateKeyError);
    await store().intents.create('bot-u', { ...greet, intentId: 'bye' });
    await expect(store().intents.replace('bot-u', 'bye', greet)).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('replaces all definitions of a bot at once', async () => {
    await store().intents.create('bot-r', greet);
    await store().intents.create('bot-r', { ...greet, intentId: 'old' });
    await store().intents.replaceAll('bot-r', [greet, { ...greet, intentId: 'new' }]);
    expect((await store().intents.list('bot-r')).map((intent) => intent.intentId)).toEqual([
      'greet',
      'new',
    ]);
  });

  it('rejects a malformed intent before writing', async () => {
    await expect(
      store().intents.create('bot-m', { intentId: 'bad id', name: '' }),
    ).rejects.toThrow();
    expect(await store().intents.count('bot-m')).toBe(0);
  });
});

describe('EntityRepository', () => {
  const store = useTestStore();

  it('stores values with synonyms and enforces unique names per bot', async () => {
    await store().entities.create('bot-e', {
      name: 'city',
      values: [{ value: 'New York', synonyms: ['NYC'] }],
    });
    expect(await store().entities.get('bot-e', 'city')).toEqual({
      name: 'city',
      values: [{ value: 'New York', synonyms: ['NYC'] }],
      patterns: [],
      fuzzy: false,
      allowUnlisted: false,
    });
    await expect(store().entities.create('bot-e', { name: 'city' })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });
});
