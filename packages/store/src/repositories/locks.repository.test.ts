import { useTestStore } from '../test-support/test-database.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LockRepository', () => {
  const store = useTestStore();

  it('gives a free lock to one owner at a time and frees it on release', async () => {
    const locks = store().locks;
    const token = await locks.acquire('thread-a', 'one', 10_000);
    expect(token).toEqual(expect.any(String));
    expect(await locks.acquire('thread-a', 'two', 10_000)).toBeNull();
    expect(await locks.acquire('thread-b', 'two', 10_000)).toEqual(expect.any(String));
    await locks.release('thread-a', 'not-the-token');
    expect(await locks.acquire('thread-a', 'two', 10_000)).toBeNull();
    await locks.release('thread-a', token!);
    expect(await locks.acquire('thread-a', 'two', 10_000)).toEqual(expect.any(String));
  });

  it('lets one of several racers take over an expired lock; the old holder can no longer renew it', async () => {
    const locks = store().locks;
    const stale = await locks.acquire('thread-c', 'dead', 50);
    await pause(80);
    const racers = await Promise.all(
      ['r1', 'r2', 'r3', 'r4'].map((owner) => locks.acquire('thread-c', owner, 10_000)),
    );
    expect(racers.filter((token) => token !== null)).toHaveLength(1);
    expect(await locks.renew('thread-c', stale!, 10_000)).toBe(false);
    const winner = racers.find((token) => token !== null)!;
    expect(await locks.renew('thread-c', winner, 10_000)).toBe(true);
  });

  it('cleans up locks that expired before a date', async () => {
    const locks = store().locks;
    await locks.acquire('thread-d', 'gone', 1);
    await pause(10);
    expect(await locks.deleteExpiredBefore(new Date())).toBeGreaterThanOrEqual(1);
    expect(await locks.acquire('thread-d', 'next', 10_000)).toEqual(expect.any(String));
  });
});
