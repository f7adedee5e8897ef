import type { Logger } from 'pino';
import type { ChangeStamp } from '@parley/store';

export interface ChangeWatcher {
  /** Calls `listener` whenever the stamp moves (here or on another instance). */
  onChange(listener: () => void): void;
  start(): void;
  stop(): void;
}

/**
 * Watches the store's change stamp: a local write is heard at once, another instance's within
 * one poll (`pollMs`, one `_id` lookup). This is the staleness bound of every per-instance
 * cache of bots, channel keys and API keys.
 */
export function createChangeWatcher(deps: {
  changes: ChangeStamp;
  pollMs: number;
  logger?: Logger;
}): ChangeWatcher {
  const listeners: Array<() => void> = [];
  let seen: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const notify = () => {
    for (const listener of listeners) listener();
  };
  deps.changes.onLocalBump(notify);

  async function poll() {
    try {
      const current = await deps.changes.current();
      if (seen !== undefined && current !== seen) notify();
      seen = current;
    } catch (error) {
      // The database is away: caches stay as they are, with the outage answered elsewhere.
      deps.logger?.warn({ err: error }, 'could not read the change stamp');
    }
  }

  return {
    onChange: (listener) => void listeners.push(listener),
    start() {
      if (timer) return;
      void poll();
      timer = setInterval(() => void poll(), deps.pollMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
