import type { ConversationStore, StoredConversation, TurnRecord } from '../ports.js';

export interface MemoryConversationStoreOptions {
  /** Awaited between reading and returning in `load` and before the check in `save`: widens race windows in tests. */
  latency?: () => Promise<void>;
}

/** A conversation store in memory with the port's semantics, plus peeks for tests. */
export interface MemoryConversationStore<State> extends ConversationStore<State> {
  peek(botId: string, threadId: string): StoredConversation<State> | null;
  /** The thread's turns, in version order. */
  list(botId: string, threadId: string): TurnRecord[];
}

/**
 * In-memory `ConversationStore`: values are deep-copied in and out (as a database would), and
 * `save` checks and writes state and turn in one synchronous step, so it is atomic under
 * concurrency. For tests and local experiments; the MongoDB one is wired in apps/api.
 */
export function createMemoryConversationStore<State>(
  options: MemoryConversationStoreOptions = {},
): MemoryConversationStore<State> {
  const threads = new Map<string, Array<{ state: State; turn: TurnRecord; at: Date }>>();
  const key = (botId: string, threadId: string) => JSON.stringify([botId, threadId]);
  const wait = options.latency ?? (async () => undefined);
  const newest = (botId: string, threadId: string): StoredConversation<State> | null => {
    const versions = threads.get(key(botId, threadId)) ?? [];
    const last = versions.at(-1);
    return last
      ? { version: versions.length, state: structuredClone(last.state), updatedAt: last.at }
      : null;
  };
  return {
    async load(botId, threadId) {
      const copy = newest(botId, threadId);
      await wait();
      return copy;
    },
    async save(botId, threadId, expectedVersion, state, turn) {
      await wait();
      const versions = threads.get(key(botId, threadId)) ?? [];
      if (versions.length !== expectedVersion) return { ok: false, reason: 'conflict' };
      versions.push({ state: structuredClone(state), turn: structuredClone(turn), at: new Date() });
      threads.set(key(botId, threadId), versions);
      return { ok: true, version: versions.length };
    },
    async turn(botId, threadId, seq) {
      const found = threads.get(key(botId, threadId))?.[seq - 1];
      return found ? structuredClone(found.turn) : null;
    },
    peek: newest,
    list(botId, threadId) {
      return (threads.get(key(botId, threadId)) ?? []).map((v) => structuredClone(v.turn));
    },
  };
}
