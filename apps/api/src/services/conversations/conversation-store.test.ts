import { describeConversationStore, sampleTurn } from '@parley/dialogue/testing';
import { connectTestStore } from '../../test-support/test-store.js';
import { createConversationStore } from './conversation-store.js';

async function harness(maxThreads: number) {
  const store = await connectTestStore('conversations', { monitorCommands: true });
  return {
    store: createConversationStore({ conversations: store.conversations, maxThreads }),
    raw: store,
    close: async () => {
      await store.db.dropDatabase();
      await store.close();
    },
  };
}

describeConversationStore('MongoDB with the instance cache', () => harness(100));
describeConversationStore('MongoDB, every read cold', () => harness(0));

describe('the instance cache in front of the conversations', () => {
  it('serves a warm thread with one database command per message', async () => {
    const { store: conversations, raw, close } = await harness(100);
    const commands: string[] = [];
    raw.client.on('commandStarted', (event) => commands.push(event.commandName));
    try {
      const state = (n: number) => ({ n });
      await conversations.save('bot', 'warm', 0, state(1), sampleTurn('bot', 'warm', 1));
      commands.length = 0;
      for (let version = 1; version < 11; version += 1) {
        const loaded = await conversations.load('bot', 'warm');
        expect(loaded?.version).toBe(version);
        await conversations.save(
          'bot',
          'warm',
          version,
          state(version + 1),
          sampleTurn('bot', 'warm', version + 1),
        );
      }
      expect(commands).toEqual(Array(10).fill('insert'));
    } finally {
      await close();
    }
  });

  it('starts a new thread with one insert, and never reads a document that does not exist', async () => {
    const { store: mine, raw, close } = await harness(100);
    const other = createConversationStore({ conversations: raw.conversations });
    const commands: string[] = [];
    const emptyReads: unknown[] = [];
    raw.client.on('commandStarted', (event) => commands.push(event.commandName));
    raw.client.on('commandSucceeded', (event) => {
      const batch = (event.reply as { cursor?: { firstBatch?: unknown[] } }).cursor?.firstBatch;
      if (event.commandName === 'find' && batch?.length === 0) emptyReads.push(event);
    });
    const state = (n: number) => ({ n });
    /** What the dialogue does per message: read, then write the next version (again on conflict). */
    const send = async (conversations: ReturnType<typeof createConversationStore>, n: number) => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const version = (await conversations.load('bot', 'cold'))?.version ?? 0;
        const saved = await conversations.save(
          'bot',
          'cold',
          version,
          state(n),
          sampleTurn('bot', 'cold', version + 1),
        );
        if (saved.ok) return saved.version;
      }
      throw new Error('never saved');
    };
    try {
      commands.length = 0;
      expect(await send(other, 1)).toBe(1);
      expect(commands).toEqual(['insert']);
      for (let n = 2; n <= 20; n += 1) await send(other, n);
      // This instance never saw the thread: it learns where it stands by reads that all find.
      expect(await send(mine, 21)).toBe(21);
      expect(emptyReads).toEqual([]);
    } finally {
      await close();
    }
  });

  it('reads a thread another instance moved on, and catches the head up when it forgets it', async () => {
    const { store: mine, raw, close } = await harness(1);
    const other = createConversationStore({ conversations: raw.conversations });
    try {
      const state = (n: number) => ({ n });
      await mine.save('bot', 'shared', 0, state(1), sampleTurn('bot', 'shared', 1));
      await other.load('bot', 'shared');
      await other.save('bot', 'shared', 1, state(2), sampleTurn('bot', 'shared', 2));
      // Mine still thinks version 1 is the newest: its write loses, then it reads on.
      expect(await mine.save('bot', 'shared', 1, state(9), sampleTurn('bot', 'shared', 2))).toEqual(
        {
          ok: false,
          reason: 'conflict',
        },
      );
      expect(await mine.load('bot', 'shared')).toMatchObject({ version: 2, state: { n: 2 } });
      await mine.save('bot', 'shared', 2, state(3), sampleTurn('bot', 'shared', 3));
      // Another thread pushes this one out of the one-thread cache: the head moves to 3.
      await mine.save('bot', 'other', 0, state(1), sampleTurn('bot', 'other', 1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await raw.conversations.load('bot', 'shared'))?.headVersion).toBe(3);
    } finally {
      await close();
    }
  });
});
