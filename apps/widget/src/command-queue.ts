/** One call of the page's `Parley(...)` function. */
export type Command = unknown[];

/** The global the embed snippet's stub creates: a function with a queue of early calls. */
export interface ParleyGlobal {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
}

/**
 * Replaces the snippet's stub `window.Parley` with the real function and replays the calls the
 * page made before the script loaded, in order. Later calls go straight to `run`.
 */
export function installCommandApi(
  target: { Parley?: ParleyGlobal },
  run: (command: Command) => void,
): void {
  const early = target.Parley?.q ?? [];
  const api: ParleyGlobal = (...args: unknown[]) => run(args);
  target.Parley = api;
  for (const call of early) run(Array.from(call));
}
