/**
 * Fixed-window counters per key, in memory (per instance). Enough to slow down
 * password guessing and runaway clients; an ALB/WAF limit belongs in front for more.
 */
export interface RateLimiter {
  /** Counts a hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number;
  reset(key: string): void;
}

export function createRateLimiter(
  limit: number,
  windowMs: number,
  now = () => Date.now(),
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();

  function sweep(at: number) {
    if (at - lastSweep < windowMs) return;
    lastSweep = at;
    for (const [key, window] of windows) if (at - window.start >= windowMs) windows.delete(key);
  }

  return {
    hit(key) {
      const at = now();
      sweep(at);
      const window = windows.get(key);
      if (!window || at - window.start >= windowMs) {
        windows.set(key, { start: at, count: 1 });
        return 0;
      }
      window.count += 1;
      return window.count > limit ? Math.ceil((window.start + windowMs - at) / 1000) : 0;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
