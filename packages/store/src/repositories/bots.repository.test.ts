import { DuplicateKeyError } from '../errors.js';
import { useTestStore } from '../test-support/test-database.js';

describe('BotRepository', () => {
  const store = useTestStore();

  it('creates a bot with default settings and reads it back', async () => {
    const bot = await store().bots.create({ name: 'Pizza bot' });
    expect(bot.id).toMatch(/^bot_/);
    const read = await store().bots.get(bot.id);
    expect(read?.settings).toMatchObject({
      name: 'Pizza bot',
      language: 'en',
      nlu: { pipeline: 'local', threshold: 0.6 },
    });
    expect(read?.activeModelId).toBeNull();
  });

  it('refuses a second bot with the same id', async () => {
    await store().bots.create({ name: 'A' }, 'same-id');
    await expect(store().bots.create({ name: 'B' }, 'same-id')).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('updates settings and the active model pointer', async () => {
    const bot = await store().bots.create({ name: 'Old' });
    const updated = await store().bots.updateSettings(bot.id, {
      name: 'New',
      nlu: { threshold: 0.3 },
    });
    expect(updated?.settings.name).toBe('New');
    expect(updated?.settings.nlu.threshold).toBe(0.3);
    expect(await store().bots.setActiveModel(bot.id, 'model_1')).toBe(true);
    expect(await store().bots.getActiveModelId(bot.id)).toBe('model_1');
    expect(await store().bots.getActiveModelId('missing')).toBeUndefined();
    expect(await store().bots.updateSettings('missing', { name: 'x' })).toBeNull();
  });

  it('keeps secret values out of the bot and gives them only on request', async () => {
    const bot = await store().bots.create({ name: 'S' });
    await store().bots.setSecret(bot.id, 'ORDERS_TOKEN', 's3cret');
    const read = await store().bots.get(bot.id);
    expect(read?.secretNames).toEqual(['ORDERS_TOKEN']);
    expect(JSON.stringify(read)).not.toContain('s3cret');
    expect(await store().bots.getSecrets(bot.id)).toEqual({ ORDERS_TOKEN: 's3cret' });
    expect(await store().bots.deleteSecret(bot.id, 'ORDERS_TOKEN')).toBe(true);
    expect(await store().bots.getSecrets(bot.id)).toEqual({});
  });

  it('moves the settings version with settings and secrets, not with a model activation', async () => {
    const bot = await store().bots.create({ name: 'V' });
    const version = async () => (await store().bots.get(bot.id))?.settingsVersion;
    expect(bot.settingsVersion).toBe(0);
    await store().bots.updateSettings(bot.id, { name: 'V2' });
    expect(await version()).toBe(1);
    await store().bots.setSecret(bot.id, 'TOKEN', 'a');
    expect(await version()).toBe(2);
    await store().bots.deleteSecret(bot.id, 'TOKEN');
    expect(await version()).toBe(3);
    await store().bots.setActiveModel(bot.id, 'model_1');
    expect(await version()).toBe(3);
  });

  it('rejects malformed settings with the field path', async () => {
    await expect(store().bots.create({ name: 'x', nlu: { threshold: 7 } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['nlu', 'threshold'] })],
    });
  });
});
