import type { ConversationStore, TurnRecord } from '@parley/dialogue';
import type { ConversationRepository, StoredConversation } from '@parley/store';
import type { Logger } from 'pino';

/** Threads whose state this instance keeps in memory by default. */
const DEFAULT_CACHE_THREADS = 10_000;

type Stored = StoredConversation<unknown>;

/**
 * What this instance believes about a thread. `known`: the newest version it saw (it may have
 * moved on elsewhere: the next write then conflicts). `new`: never seen — taken as a new
 * thread until a write says otherwise. `discover`: it exists, where it stands is unknown.
 */
type Belief =
  | {
      kind: 'known';
      version: number;
      state: unknown;
      headVersion: number;
      stale: boolean;
    }
  | { kind: 'new' }
  | { kind: 'discover' };

export interface CachedConversationStore extends ConversationStore<unknown> {
  /** Writes the heads this instance is ahead of, and forgets every thread (shutdown). */
  flush(): Promise<void>;
  /** Forgets every thread (something changed elsewhere, such as a deleted thread). */
  forget(): void;
}

/**
 * The dialogue's conversation store over the repository, with what this instance knows of
 * each thread kept in memory, so that per message the database sees inserts and `_id` reads of
 * documents that exist — never a read that misses, which on the embedded FerretDB walks the
 * whole collection. A warm message is one insert (the compare-and-set that also records its
 * turn). A thread this instance never saw is taken as new: its first message is one insert.
 * When a write conflicts (the thread is older than believed, or another instance moved it on),
 * the thread is read from its head pointer and followed one version at a time, each step a
 * read of a version that exists. When a thread leaves the cache its head is brought up to date.
 * `maxThreads: 0` disables the cache (every read asks the database).
 */
export function createConversationStore(deps: {
  conversations: ConversationRepository;
  logger?: Logger;
  maxThreads?: number;
}): CachedConversationStore {
  const repository = deps.conversations;
  const maxThreads = deps.maxThreads ?? DEFAULT_CACHE_THREADS;
  const beliefs = new Map<string, Belief>();
  const key = (botId: string, threadId: string) => JSON.stringify([botId, threadId]);
  const view = (stored: { version: number; state: unknown }, updatedAt = new Date()) => ({
    version: stored.version,
    state: stored.state,
    updatedAt,
  });

  function believe(id: string, belief: Belief) {
    beliefs.delete(id);
    beliefs.set(id, belief);
    if (beliefs.size <= maxThreads) return;
    const [oldestId, oldest] = beliefs.entries().next().value as [string, Belief];
    beliefs.delete(oldestId);
    void catchUpHead(oldestId, oldest);
  }

  async function catchUpHead(id: string, belief: Belief) {
    if (belief.kind !== 'known' || belief.stale || belief.version <= belief.headVersion) return;
    const [botId, threadId] = JSON.parse(id) as [string, string];
    try {
      await repository.writeHead(botId, threadId, belief.version, belief.state);
    } catch (error) {
      // Only reads get slower (more steps); nothing is lost.
      deps.logger?.warn({ err: error, botId }, 'could not move a conversation head');
    }
  }

  /** Where a thread stands, from its head (or its first version), without a read that misses. */
  async function discover(botId: string, threadId: string): Promise<Stored | null> {
    const head = await repository.head(botId, threadId);
    if (head) return head;
    const first = await repository.version(botId, threadId, 1);
    // Neither: a thread from before heads (or deleted meanwhile), read the thorough way.
    return first ?? (await repository.load(botId, threadId));
  }

  return {
    async load(botId, threadId) {
      if (maxThreads === 0) {
        const stored = await repository.load(botId, threadId);
        return stored && view(stored, stored.updatedAt);
      }
      const id = key(botId, threadId);
      const belief = beliefs.get(id) ?? { kind: 'new' };
      if (belief.kind === 'new') {
        believe(id, belief);
        return null;
      }
      if (belief.kind === 'known' && !belief.stale) {
        believe(id, belief);
        // The dialogue never mutates a state it reads (processTurn builds a new one).
        return view(belief);
      }
      let stored: Stored | null;
      if (belief.kind === 'known') {
        // The write after this version conflicted: the next one exists, follow it.
        stored = await repository.version(botId, threadId, belief.version + 1);
        if (!stored) stored = await discover(botId, threadId);
      } else {
        stored = await discover(botId, threadId);
      }
      if (!stored) {
        believe(id, { kind: 'new' });
        return null;
      }
      const headVersion = Math.max(
        stored.headVersion,
        belief.kind === 'known' ? belief.headVersion : 0,
      );
      believe(id, {
        kind: 'known',
        version: stored.version,
        state: stored.state,
        headVersion,
        stale: false,
      });
      return view(stored, stored.updatedAt);
    },

    async save(botId, threadId, expectedVersion, state, turn: TurnRecord) {
      const id = key(botId, threadId);
      const saved = await repository.save(botId, threadId, expectedVersion, state, turn);
      const before = beliefs.get(id);
      if (!saved.ok) {
        if (before?.kind === 'known') before.stale = true;
        else if (maxThreads > 0) believe(id, { kind: 'discover' });
        return saved;
      }
      const headVersion = Math.max(
        saved.headVersion,
        before?.kind === 'known' ? before.headVersion : 0,
      );
      if (maxThreads > 0)
        believe(id, { kind: 'known', version: saved.version, state, headVersion, stale: false });
      return { ok: true, version: saved.version };
    },

    async turn(botId, threadId, seq) {
      // A version's turn is the TurnRecord `save` wrote with it (only the dialogue writes versions).
      return (await repository.turn(botId, threadId, seq)) as unknown as TurnRecord | null;
    },

    forget: () => beliefs.clear(),

    async flush() {
      const entries = [...beliefs.entries()];
      beliefs.clear();
      await Promise.all(entries.map(([id, belief]) => catchUpHead(id, belief)));
    },
  };
}
