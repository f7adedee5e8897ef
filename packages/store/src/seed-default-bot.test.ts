import { DEFAULT_BOT_ID, seedDefaultBot } from './seed-default-bot.js';
import { useTestStore } from './test-support/test-database.js';

describe('seedDefaultBot', () => {
  const store = useTestStore();

  it('creates the default bot with fallback, cancel and greeting intents once', async () => {
    expect(await seedDefaultBot(store())).toBe(true);
    expect(await seedDefaultBot(store())).toBe(false);
    const intents = await store().intents.list(DEFAULT_BOT_ID);
    expect(intents.map((intent) => intent.intentId)).toEqual([
      'cancel',
      'fallback',
      'init_conversation',
    ]);
    expect(intents.every((intent) => !intent.userDefined)).toBe(true);
  });
});
