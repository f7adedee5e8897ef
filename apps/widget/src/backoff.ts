const BASE_MS = 500;
const CAP_MS = 30_000;
/** A server may ask for a long pause; past this the widget tries again anyway. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential from 0.5 s, capped
 * at 30 s, with "equal jitter" (half fixed, half random) so many visitors whose network came
 * back at once do not retry in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` (seconds or an HTTP date) in milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
