import type { ConversationState, ConversationStore, TurnRecord } from '@parley/dialogue';
import type { ConversationRepository, Store } from '@parley/store';
import type { Logger } from 'pino';

/** Threads whose state this instance keeps in memory by default. */
const DEFAULT_CACHE_THREADS = 10_000;

interface Cached {
  version: number;
  state: ConversationState;
  /** The version the head pointer names, as far as this instance knows. */
  headVersion: number;
  /** Set after a lost race: the version is known to exist, newer ones may too. */
  stale: boolean;
}

export interface CachedConversationStore extends ConversationStore<ConversationState> {
  /** Writes the heads this instance is ahead of, and forgets every thread (shutdown). */
  flush(): Promise<void>;
  /** Forgets every thread (something changed elsewhere, such as a deleted thread). */
  forget(): void;
}

/**
 * The dialogue's conversation store over the repository, with the threads this instance
 * served recently kept in memory: a warm message costs one insert (the compare-and-set that
 * also records its turn). After a lost race the next read follows versions by `_id` from the
 * one known. When a thread leaves the cache its head pointer is brought up to date, so the next
 * cold read is one head lookup and one probe.
 */
export function createConversationStore(deps: {
  conversations: ConversationRepository;
  logger?: Logger;
  maxThreads?: number;
}): CachedConversationStore {
  const repository = deps.conversations as unknown as ConversationRepository<ConversationState>;
  const maxThreads = deps.maxThreads ?? DEFAULT_CACHE_THREADS;
  const cache = new Map<string, Cached>();
  const key = (botId: string, threadId: string) => JSON.stringify([botId, threadId]);

  function remember(id: string, entry: Cached) {
    cache.delete(id);
    cache.set(id, entry);
    if (cache.size <= maxThreads) return;
    const [oldestId, oldest] = cache.entries().next().value as [string, Cached];
    cache.delete(oldestId);
    void catchUpHead(oldestId, oldest);
  }

  async function catchUpHead(id: string, entry: Cached) {
    if (entry.stale || entry.version <= entry.headVersion) return;
    const [botId, threadId] = JSON.parse(id) as [string, string];
    try {
      await repository.writeHead(botId, threadId, entry.version, entry.state);
    } catch (error) {
      // Only reads get slower (more probes); nothing is lost.
      deps.logger?.warn({ err: error, botId }, 'could not move a conversation head');
    }
  }

  return {
    async load(botId, threadId) {
      const id = key(botId, threadId);
      const cached = cache.get(id);
      if (cached && !cached.stale) {
        remember(id, cached);
        // The dialogue never mutates a state it reads (processTurn builds a new one).
        return { version: cached.version, state: cached.state, updatedAt: new Date() };
      }
      const stored = await repository.load(
        botId,
        threadId,
        cached ? { version: cached.version, state: cached.state } : undefined,
      );
      if (!stored) return null;
      remember(id, {
        version: stored.version,
        state: stored.state,
        headVersion: Math.max(stored.headVersion, cached?.headVersion ?? 0),
        stale: false,
      });
      return { version: stored.version, state: stored.state, updatedAt: stored.updatedAt };
    },

    async save(botId, threadId, expectedVersion, state, turn: TurnRecord) {
      const id = key(botId, threadId);
      const saved = await repository.save(
        botId,
        threadId,
        expectedVersion,
        state,
        turn as unknown as Parameters<Store['turns']['append']>[0],
      );
      const before = cache.get(id);
      if (!saved.ok) {
        if (before) before.stale = true;
        return saved;
      }
      remember(id, {
        version: saved.version,
        state,
        headVersion: Math.max(saved.headVersion, before?.headVersion ?? 0),
        stale: false,
      });
      return { ok: true, version: saved.version };
    },

    async turn(botId, threadId, seq) {
      return (await repository.turn(botId, threadId, seq)) as unknown as TurnRecord | null;
    },

    forget: () => cache.clear(),

    async flush() {
      const entries = [...cache.entries()];
      cache.clear();
      await Promise.all(entries.map(([id, entry]) => catchUpHead(id, entry)));
    },
  };
}
