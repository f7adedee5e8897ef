import PQueue from 'p-queue';
import type { Logger } from 'pino';

/** What running a thread's pending work came to. */
export type ThreadRunOutcome = 'done' | 'busy';

export interface ThreadQueueOptions {
  /** Threads worked on at once. */
  concurrency: number;
  /** Works off a thread's pending events; `busy` when another instance holds the thread. */
  run(key: string): Promise<ThreadRunOutcome>;
  /** First wait before a busy thread is tried again; doubles up to `maxBusyRetryMs`. */
  busyRetryMs: number;
  maxBusyRetryMs: number;
  logger: Logger;
}

export interface ThreadQueue {
  /** Asks for a thread's pending work to be done; a thread never runs twice at once here. */
  schedule(key: string): void;
  /** Resolves when nothing is running or waiting (busy retries not counted). */
  idle(): Promise<void>;
  /** Stops taking work and waits for the threads being worked on. */
  stop(): Promise<void>;
}

interface ThreadState {
  running: boolean;
  /** Scheduled again while running: run once more afterwards. */
  again: boolean;
  busyRetries: number;
  timer?: NodeJS.Timeout;
}

/**
 * Serialises each thread inside this instance and runs different threads concurrently, up
 * to a limit. A thread scheduled while it runs runs once more afterwards, so an event
 * recorded during a run is never left behind. A thread another instance holds is tried
 * again with backoff: that instance may have read the thread's queue before the event was
 * recorded.
 */
export function createThreadQueue(options: ThreadQueueOptions): ThreadQueue {
  const queue = new PQueue({ concurrency: options.concurrency });
  const threads = new Map<string, ThreadState>();
  let stopped = false;

  function schedule(key: string): void {
    if (stopped) return;
    const known = threads.get(key);
    if (known) {
      if (known.running) known.again = true;
      else if (known.timer) {
        clearTimeout(known.timer);
        known.timer = undefined;
        enqueue(key, known);
      }
      return;
    }
    const state: ThreadState = { running: false, again: false, busyRetries: 0 };
    threads.set(key, state);
    enqueue(key, state);
  }

  function enqueue(key: string, state: ThreadState): void {
    void queue.add(() => work(key, state));
  }

  async function work(key: string, state: ThreadState): Promise<void> {
    if (stopped) return void threads.delete(key);
    state.running = true;
    let outcome: ThreadRunOutcome = 'done';
    do {
      state.again = false;
      try {
        outcome = await options.run(key);
      } catch (error) {
        // The events stay queued in the database; the recovery poll tries them again.
        options.logger.error({ err: error, thread: key }, 'messenger: processing a thread failed');
        outcome = 'done';
      }
    } while (state.again && outcome === 'done' && !stopped);
    state.running = false;
    if (outcome === 'busy' && !stopped) {
      const wait = Math.min(options.busyRetryMs * 2 ** state.busyRetries, options.maxBusyRetryMs);
      state.busyRetries += 1;
      state.timer = setTimeout(() => {
        state.timer = undefined;
        enqueue(key, state);
      }, wait);
      state.timer.unref();
      return;
    }
    threads.delete(key);
  }

  return {
    schedule,
    idle: () => queue.onIdle(),
    async stop() {
      stopped = true;
      queue.clear();
      for (const state of threads.values()) if (state.timer) clearTimeout(state.timer);
      await queue.onIdle();
      threads.clear();
    },
  };
}
