/** How long a training loop may hold the event loop before it lets other work run. */
const SLICE_MS = 20;

let lastTurn = performance.now();

/**
 * Training runs in the API process: a loop that never yields would stall every chat request
 * and health check on the instance for seconds. Long loops call this once per item; it lets
 * the event loop turn (pending I/O, timers) once the thread has computed for a slice, and
 * costs a clock read otherwise. The clock is shared: any loop's yield restarts the slice.
 */
export async function yieldIfDue(): Promise<void> {
  if (performance.now() - lastTurn < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastTurn = performance.now();
}

/** `items.map(fn)` for long lists, yielding to the event loop as `yieldIfDue` does. */
export async function mapYielding<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(fn(items[i] as T, i));
    await yieldIfDue();
  }
  return out;
}

/**
 * Runs work written as a generator that `yield`s between chunks (loading a word list, say) to
 * its result in one go: for a caller that needs it now, such as a model being loaded.
 */
export function runSteps<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same, handing the event loop back between chunks when due (see `yieldIfDue`). */
export async function runStepsYielding<T>(steps: Generator<void, T>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await yieldIfDue();
    step = steps.next();
  }
  return step.value;
}
