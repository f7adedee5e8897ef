import { pino } from 'pino';
import { createThreadQueue, type ThreadRunOutcome } from './thread-queue.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logger = pino({ level: 'silent' });

describe('ThreadQueue', () => {
  it('never runs one thread twice at once, runs others alongside up to the limit, and runs again when asked during a run', async () => {
    const running = new Map<string, number>();
    let most = 0;
    const runs: string[] = [];
    const queue = createThreadQueue({
      concurrency: 2,
      busyRetryMs: 10,
      maxBusyRetryMs: 50,
      logger,
      run: async (key) => {
        running.set(key, (running.get(key) ?? 0) + 1);
        expect(running.get(key)).toBe(1);
        most = Math.max(
          most,
          [...running.values()].reduce((a, b) => a + b, 0),
        );
        runs.push(key);
        await pause(20);
        running.set(key, running.get(key)! - 1);
        if (running.get(key) === 0) running.delete(key);
        return 'done';
      },
    });
    queue.schedule('a');
    queue.schedule('a'); // already waiting: no second run
    queue.schedule('b');
    queue.schedule('c');
    await pause(5);
    queue.schedule('a'); // while a runs: once more afterwards
    await queue.idle();
    await pause(5);
    await queue.idle();
    expect(most).toBe(2);
    expect(runs.filter((key) => key === 'a')).toHaveLength(2);
    expect(runs.filter((key) => key === 'b')).toHaveLength(1);
    await queue.stop();
  });

  it('tries a busy thread again with backoff until it is done', async () => {
    const outcomes: ThreadRunOutcome[] = ['busy', 'busy', 'done'];
    const times: number[] = [];
    const queue = createThreadQueue({
      concurrency: 1,
      busyRetryMs: 20,
      maxBusyRetryMs: 100,
      logger,
      run: async () => {
        times.push(Date.now());
        return outcomes.shift() ?? 'done';
      },
    });
    queue.schedule('t');
    for (let i = 0; i < 50 && times.length < 3; i += 1) await pause(10);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(15);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(35);
    await queue.stop();
  });

  it('keeps working after a run throws, and takes no work once stopped', async () => {
    const runs: string[] = [];
    const queue = createThreadQueue({
      concurrency: 1,
      busyRetryMs: 10,
      maxBusyRetryMs: 10,
      logger,
      run: async (key) => {
        runs.push(key);
        if (key === 'bad') throw new Error('database down');
        return 'done';
      },
    });
    queue.schedule('bad');
    queue.schedule('good');
    await queue.idle();
    expect(runs).toEqual(['bad', 'good']);
    await queue.stop();
    queue.schedule('late');
    await pause(20);
    expect(runs).toEqual(['bad', 'good']);
  });
});
