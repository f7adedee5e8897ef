import { DuplicateKeyError } from '../errors.js';
import type { Turn } from './turns.repository.js';
import { useTestStore } from '../test-support/test-database.js';

function turn(threadId: string, seq: number, at: string, extra: Partial<Turn> = {}): Turn {
  return {
    botId: 'bot',
    threadId,
    seq,
    at: new Date(at),
    channel: 'rest',
    userText: `message ${seq}`,
    intentId: 'greet',
    fellBack: false,
    latencyMs: 3,
    ...extra,
  };
}

describe('TurnRepository', () => {
  const store = useTestStore();

  beforeAll(async () => {
    const turns = store().turns;
    await turns.append(turn('a', 1, '2026-01-01T10:00:00Z'));
    await turns.append(
      turn('a', 2, '2026-01-01T10:01:00Z', { fellBack: true, intentId: 'fallback' }),
    );
    await turns.append(turn('b', 1, '2026-01-02T09:00:00Z', { channel: 'widget' }));
    await turns.append(turn('c', 1, '2026-01-03T09:00:00Z', { context: { 'dotted.key': 1 } }));
  });

  it('is append-only per (thread, seq)', async () => {
    await expect(store().turns.append(turn('a', 2, '2026-01-05T00:00:00Z'))).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
  });

  it('returns a thread in order with its details', async () => {
    const turns = await store().turns.listThread('bot', 'a');
    expect(turns.map((t) => [t.seq, t.fellBack])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((await store().turns.listThread('bot', 'c'))[0]?.context).toEqual({ 'dotted.key': 1 });
  });

  it('lists threads newest first with a cursor', async () => {
    const first = await store().turns.listThreads('bot', {}, { limit: 2 });
    expect(first.threads.map((t) => t.threadId)).toEqual(['c', 'b']);
    expect(first.nextCursor).not.toBeNull();
    const second = await store().turns.listThreads(
      'bot',
      {},
      { cursor: first.nextCursor, limit: 2 },
    );
    expect(second.threads.map((t) => [t.threadId, t.turns, t.fallbacks])).toEqual([['a', 2, 1]]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters threads by fallback, channel, intent and date range', async () => {
    const ids = async (filter: Parameters<ReturnType<typeof store>['turns']['listThreads']>[1]) =>
      (await store().turns.listThreads('bot', filter)).threads.map((t) => t.threadId);
    expect(await ids({ fellBackOnly: true })).toEqual(['a']);
    expect(await ids({ channel: 'widget' })).toEqual(['b']);
    expect(await ids({ intentId: 'fallback' })).toEqual(['a']);
    expect(
      await ids({ from: new Date('2026-01-02T00:00:00Z'), to: new Date('2026-01-03T00:00:00Z') }),
    ).toEqual(['b']);
  });

  it('never shows a thread again on a later page when it also has older turns', async () => {
    const turns = store().turns;
    await turns.append({ ...turn('x', 1, '2026-02-01T00:00:00Z'), botId: 'paged' });
    await turns.append({ ...turn('y', 1, '2026-02-03T00:00:00Z'), botId: 'paged' });
    await turns.append({ ...turn('x', 2, '2026-02-05T00:00:00Z'), botId: 'paged' });
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page = await turns.listThreads('paged', {}, { cursor, limit: 1 });
      pages.push(page.threads.map((t) => t.threadId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([['x'], ['y']]);
  });
});
