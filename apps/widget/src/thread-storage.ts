/** A message the visitor sent that the server has not acknowledged yet. */
export interface PendingMessage {
  /** The client message id: a retry with it never makes a second turn. */
  id: string;
  /** What is sent (a quick reply's payload, or what was typed). */
  text: string;
  /** What the visitor sees when it differs from `text` (a quick reply's title). */
  title?: string;
}

/** What the widget remembers about a visitor's conversation with one bot. */
export interface ThreadRecord {
  threadId: string;
  threadToken: string;
  /** Sequence number of the last turn this visitor's tabs know of. */
  seq: number;
  pending: PendingMessage[];
}

export interface ThreadStorage {
  read(): ThreadRecord | null;
  write(record: ThreadRecord | null): void;
  /** The localStorage key, to recognise `storage` events from the visitor's other tabs. */
  readonly key: string;
  /** False when the page blocks localStorage and the conversation lives only in this page. */
  readonly persistent: boolean;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Per-bot conversation memory in localStorage, or in memory when storage is blocked (Safari
 * private mode, sandboxed frames, cookies disabled: reading `localStorage` or writing to it
 * throws there).
 */
export function createThreadStorage(
  botId: string,
  getStorage: () => StorageLike | null,
): ThreadStorage {
  const key = `parley:${botId}`;
  let storage: StorageLike | null = null;
  try {
    storage = getStorage();
    storage?.setItem(`${key}:probe`, '1');
    storage?.removeItem(`${key}:probe`);
  } catch {
    storage = null;
  }
  let memory: ThreadRecord | null = null;
  return {
    key,
    persistent: storage !== null,
    read() {
      if (!storage) return memory;
      try {
        return parseRecord(storage.getItem(key));
      } catch {
        return memory;
      }
    },
    write(record) {
      memory = record;
      try {
        if (record) storage?.setItem(key, JSON.stringify(record));
        else storage?.removeItem(key);
      } catch {
        // quota or a storage that went away: memory keeps this page working
      }
    },
  };
}

/** A stored record, or null when absent or not one the widget wrote. */
export function parseRecord(raw: string | null): ThreadRecord | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { threadId, threadToken, seq, pending } = value as Record<string, unknown>;
  if (typeof threadId !== 'string' || typeof threadToken !== 'string') return null;
  return {
    threadId,
    threadToken,
    seq: typeof seq === 'number' ? seq : 0,
    pending: Array.isArray(pending) ? pending.filter(isPending) : [],
  };
}

function isPending(value: unknown): value is PendingMessage {
  const item = value as PendingMessage | null;
  return typeof item?.id === 'string' && typeof item.text === 'string';
}
