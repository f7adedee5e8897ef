import { DuplicateKeyError } from '../errors.js';
import { useTestStore } from '../test-support/test-database.js';

describe('UserRepository', () => {
  const store = useTestStore();

  it('keeps usernames unique and never returns the hash outside login', async () => {
    const user = await store().users.create({
      username: 'ann',
      role: 'admin',
      passwordHash: 'scrypt$abc',
    });
    await expect(
      store().users.create({ username: 'ann', role: 'viewer', passwordHash: 'x' }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(JSON.stringify(await store().users.get(user.id))).not.toContain('scrypt$abc');
    expect((await store().users.findForLogin('ann'))?.passwordHash).toBe('scrypt$abc');
  });
});

describe('LeaseRepository', () => {
  const store = useTestStore();

  it('gives a lease to one owner at a time until it expires or is released', async () => {
    const leases = store().leases;
    const results = await Promise.all([
      leases.acquire('train:bot', 'a', 60_000),
      leases.acquire('train:bot', 'b', 60_000),
    ]);
    const holder = results[0] ? 'a' : 'b';
    expect([...results].sort()).toEqual([false, true]);
    expect(await leases.acquire('train:bot', holder, 60_000)).toBe(true);
    await leases.release('train:bot', holder);
    expect(await leases.acquire('train:bot', 'c', 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await leases.acquire('train:bot', 'd', 60_000)).toBe(true);
    expect(await leases.renew('train:bot', 'c', 60_000)).toBe(false);
    expect(await leases.renew('train:bot', 'd', 60_000)).toBe(true);
    const takeovers = await Promise.all(
      ['e', 'f', 'g'].map(async (owner) => {
        await leases.release('train:bot', 'd');
        return leases.acquire('train:bot', owner, 60_000);
      }),
    );
    expect(takeovers.filter(Boolean)).toHaveLength(1);
  });
});

describe('SettingsRepository', () => {
  const store = useTestStore();

  it('creates a secret once and returns the same value to every caller', async () => {
    const values = await Promise.all(
      [1, 2, 3].map(() => store().settings.getOrCreateSecret('tokenKey')),
    );
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toHaveLength(43);
  });
});

describe('AuditLogRepository', () => {
  const store = useTestStore();

  it('lists entries newest first, per bot', async () => {
    const actor = { kind: 'user' as const, id: 'u1', name: 'ann' };
    await store().auditLog.record({
      at: new Date('2026-01-01'),
      actor,
      action: 'intent.create',
      target: '/bots/b/intents/x',
      botId: 'b',
      details: { 'a.b': 1 },
    });
    await store().auditLog.record({
      at: new Date('2026-01-02'),
      actor,
      action: 'bot.update',
      target: '/bots/b',
      botId: 'b',
      details: {},
    });
    await store().auditLog.record({
      at: new Date('2026-01-03'),
      actor,
      action: 'bot.create',
      target: '/bots/c',
      botId: 'c',
      details: {},
    });
    const entries = await store().auditLog.list({ botId: 'b' });
    expect(entries.map((entry) => entry.action)).toEqual(['bot.update', 'intent.create']);
    expect(entries[1]?.details).toEqual({ 'a.b': 1 });
  });
});
