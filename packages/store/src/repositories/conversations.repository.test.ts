import { useTestStore } from '../test-support/test-database.js';

describe('ConversationRepository', () => {
  const store = useTestStore();

  it('creates at version 1 and advances on each compare-and-set', async () => {
    const conversations = store().conversations;
    expect(await conversations.load('b', 't1')).toBeNull();
    expect(await conversations.save('b', 't1', 0, { step: 1 })).toEqual({ ok: true, version: 1 });
    expect(await conversations.save('b', 't1', 1, { step: 2 })).toEqual({ ok: true, version: 2 });
    expect(await conversations.load('b', 't1')).toMatchObject({ version: 2, state: { step: 2 } });
  });

  it('lets exactly one of two concurrent writers win; the other sees the conflict', async () => {
    const conversations = store().conversations;
    await conversations.save('b', 't2', 0, { who: 'nobody' });
    const results = await Promise.all([
      conversations.save('b', 't2', 1, { who: 'first' }),
      conversations.save('b', 't2', 1, { who: 'second' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: 'conflict' }]);
    const winner = results[0]!.ok ? 'first' : 'second';
    expect(await conversations.load('b', 't2')).toMatchObject({
      version: 2,
      state: { who: winner },
    });
  });

  it('reports a conflict when two writers create the same thread', async () => {
    const results = await Promise.all([
      store().conversations.save('b', 't3', 0, { n: 1 }),
      store().conversations.save('b', 't3', 0, { n: 2 }),
    ]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
  });

  it('stores context keys with dots and dollars unchanged', async () => {
    const state = { context: { 'user.name': 'Ann', $price: 3, nested: { 'a.b': [{ $x: 1 }] } } };
    await store().conversations.save('b', 't4', 0, state);
    expect((await store().conversations.load('b', 't4'))?.state).toEqual(state);
  });

  it('keeps one winner per version among many concurrent writers, and refuses a stale writer', async () => {
    const conversations = store().conversations;
    await conversations.save('b', 't5', 0, { n: 0 });
    let version = 1;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => conversations.save('b', 't5', version, { n: i })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      version += 1;
    }
    expect(await conversations.save('b', 't5', 2, { stale: true })).toEqual({
      ok: false,
      reason: 'conflict',
    });
    expect((await conversations.load('b', 't5'))?.version).toBe(6);
  });
});
