import type {
  ConversationStatePort,
  StoredConversation,
  TurnLogPort,
  TurnRecord,
} from '../ports.js';

export interface MemoryConversationStateOptions {
  /** Awaited between reading and returning in `load` and before the check in `save`: widens race windows in tests. */
  latency?: () => Promise<void>;
}

/** A conversation store in memory with the compare-and-set semantics of the port, plus a peek for tests. */
export interface MemoryConversationStatePort<State> extends ConversationStatePort<State> {
  peek(botId: string, threadId: string): StoredConversation<State> | null;
}

/**
 * In-memory `ConversationStatePort`: states are deep-copied in and out (as a database would),
 * and `save` checks and writes in one synchronous step, so it is atomic under concurrency.
 * For tests and local experiments; the MongoDB one lives in the store package.
 */
export function createMemoryConversationStatePort<State>(
  options: MemoryConversationStateOptions = {},
): MemoryConversationStatePort<State> {
  const docs = new Map<string, StoredConversation<State>>();
  const key = (botId: string, threadId: string) => JSON.stringify([botId, threadId]);
  const wait = options.latency ?? (async () => undefined);
  return {
    async load(botId, threadId) {
      const doc = docs.get(key(botId, threadId));
      const copy = doc ? structuredClone(doc) : null;
      await wait();
      return copy;
    },
    async save(botId, threadId, expectedVersion, state) {
      await wait();
      const current = docs.get(key(botId, threadId));
      if ((current?.version ?? 0) !== expectedVersion) return { ok: false, reason: 'conflict' };
      const version = expectedVersion + 1;
      docs.set(key(botId, threadId), {
        version,
        state: structuredClone(state),
        updatedAt: new Date(),
      });
      return { ok: true, version };
    },
    peek(botId, threadId) {
      const doc = docs.get(key(botId, threadId));
      return doc ? structuredClone(doc) : null;
    },
  };
}

export interface MemoryTurnLog extends TurnLogPort {
  list(botId: string, threadId: string): TurnRecord[];
}

/** In-memory `TurnLogPort`, in append order. */
export function createMemoryTurnLog(): MemoryTurnLog {
  const turns: TurnRecord[] = [];
  return {
    async append(turn) {
      turns.push(structuredClone(turn));
    },
    list(botId, threadId) {
      return turns.filter((turn) => turn.botId === botId && turn.threadId === threadId);
    },
  };
}
