import { readBotSettings, ZIntentDefinition, ZEntityName } from './index.js';

describe('ZIntentDefinition', () => {
  it('fills defaults so a minimal intent is usable', () => {
    const intent = ZIntentDefinition.parse({ intentId: 'greet', name: 'Greet' });
    expect(intent).toMatchObject({
      userDefined: true,
      responses: [],
      parameters: [],
      toolCall: null,
      onInterrupt: 'switch',
    });
  });

  it('rejects an intent id with spaces, naming the field', () => {
    const result = ZIntentDefinition.safeParse({ intentId: 'check order', name: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['intentId']);
  });
});

describe('ZEntityName', () => {
  it.each(['order_number', 'sys.date', 'city-name'])('accepts %s', (name) => {
    expect(ZEntityName.safeParse(name).success).toBe(true);
  });
  it.each(['sys.', '1abc', 'a b', '$where', 'a.b'])('rejects %s', (name) => {
    expect(ZEntityName.safeParse(name).success).toBe(false);
  });
});

describe('readBotSettings', () => {
  it('replaces a stored value today’s schema refuses by its default, and says so', () => {
    const read = readBotSettings({
      name: 'Old bot',
      timeZone: '\u0004T',
      nlu: { threshold: 7, pipeline: 'local' },
    });
    expect(read.settings).toMatchObject({
      name: 'Old bot',
      timeZone: 'UTC',
      nlu: { threshold: 0.6 },
    });
    expect(read.problems).toEqual([
      expect.stringMatching(/^timeZone: /),
      expect.stringMatching(/^nlu\.threshold: /),
    ]);
    expect(readBotSettings({ name: 'Fine' }).problems).toEqual([]);
  });
});
