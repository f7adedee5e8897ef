import { COLLECTIONS } from '../collections.js';
import { useTestStore } from '../test-support/test-database.js';
import { HEAD_EVERY } from './conversations.repository.js';
import type { Turn } from './turns.repository.js';

const turn = (threadId: string, seq: number, extra: Partial<Turn> = {}): Turn => ({
  botId: 'b',
  threadId,
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
  channel: 'rest',
  userText: `message ${seq}`,
  intentId: null,
  fellBack: false,
  latencyMs: 1,
  ...extra,
});

describe('ConversationRepository', () => {
  const store = useTestStore();
  const save = (threadId: string, expected: number, state: Record<string, unknown>) =>
    store().conversations.save('b', threadId, expected, state, turn(threadId, expected + 1));

  it('writes each version with its turn in one document, and refuses a stale writer', async () => {
    expect(await store().conversations.load('b', 't1')).toBeNull();
    expect(await save('t1', 0, { step: 1 })).toMatchObject({ ok: true, version: 1 });
    expect(await save('t1', 1, { step: 2 })).toMatchObject({ ok: true, version: 2 });
    expect(await save('t1', 1, { step: 'late' })).toEqual({ ok: false, reason: 'conflict' });
    expect(await store().conversations.load('b', 't1')).toMatchObject({
      version: 2,
      state: { step: 2 },
    });
    const transcript = await store().turns.listThread('b', 't1');
    expect(transcript.map((t) => [t.seq, t.userText])).toEqual([
      [1, 'message 1'],
      [2, 'message 2'],
    ]);
    expect(transcript[0]).not.toHaveProperty('state');
    expect(await store().conversations.turn('b', 't1', 2)).toMatchObject({ userText: 'message 2' });
  });

  it('moves the head every HEAD_EVERY versions, and probes past it', async () => {
    for (let version = 0; version < HEAD_EVERY * 2 + 3; version += 1)
      await save('long', version, { n: version + 1 });
    const head = await store()
      .db.collection(COLLECTIONS.conversations)
      .findOne({ _id: JSON.stringify(['b', 'long']) as never });
    expect(head?.version).toBe(HEAD_EVERY * 2);
    expect(await store().conversations.load('b', 'long')).toMatchObject({
      version: HEAD_EVERY * 2 + 3,
      state: { n: HEAD_EVERY * 2 + 3 },
      headVersion: HEAD_EVERY * 2,
    });
    // A cache that knows version 20 probes from there; writeHead never moves backwards.
    const known = await store().conversations.load('b', 'long', { version: 20, state: {} });
    expect(known?.version).toBe(HEAD_EVERY * 2 + 3);
    await store().conversations.writeHead('b', 'long', 5, { n: 5 });
    expect((await store().conversations.load('b', 'long'))?.headVersion).toBe(HEAD_EVERY * 2);
  });

  it('finds where a thread stands whose head a crash never wrote', async () => {
    for (let version = 0; version < 5; version += 1)
      await save('crashed', version, { n: version + 1 });
    await store().db.collection(COLLECTIONS.conversations).deleteMany({ threadId: 'crashed' });
    expect(await store().conversations.load('b', 'crashed')).toMatchObject({
      version: 5,
      state: { n: 5 },
      headVersion: 5,
    });
  });

  it('stores state keys with dots and dollars unchanged', async () => {
    const state = { context: { 'user.name': 'Ann', $price: 3, nested: { 'a.b': [{ $x: 1 }] } } };
    await save('keys', 0, state);
    expect((await store().conversations.load('b', 'keys'))?.state).toEqual(state);
  });

  it('lets exactly one of many concurrent writers win each version', async () => {
    let version = 0;
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => save('race', version, { n: i })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      version += 1;
    }
    expect((await store().conversations.load('b', 'race'))?.version).toBe(4);
  });

  it('continues a thread stored before heads existed', async () => {
    const db = store().db;
    await db.collection(COLLECTIONS.conversations).insertOne({
      _id: JSON.stringify(['b', 'old', 3]) as never,
      botId: 'b',
      threadId: 'old',
      version: 3,
      state: { legacy: true },
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    for (const seq of [1, 2, 3])
      await db.collection(COLLECTIONS.turns).insertOne({ ...turn('old', seq) });
    // Read as new, it refuses version 1 and points the head at where the thread stands.
    expect(await save('old', 0, { legacy: 'lost' })).toEqual({ ok: false, reason: 'conflict' });
    expect(await store().conversations.load('b', 'old')).toMatchObject({
      version: 3,
      state: { legacy: true },
    });
    expect(await save('old', 3, { legacy: false })).toMatchObject({ ok: true, version: 4 });
    expect((await store().turns.listThread('b', 'old')).map((t) => t.seq)).toEqual([1, 2, 3, 4]);
  });

  it('deletes a thread: state and transcript', async () => {
    await save('gone', 0, { n: 1 });
    expect(await store().conversations.delete('b', 'gone')).toBe(true);
    expect(await store().conversations.load('b', 'gone')).toBeNull();
    expect(await store().turns.listThread('b', 'gone')).toEqual([]);
  });
});
