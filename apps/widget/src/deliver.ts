import type { Failure, Result } from './api-client.js';
import { backoffDelay } from './backoff.js';

/** What the visitor is told while a message waits for the server. */
export type SendState = 'sending' | 'reconnecting' | 'offline';

export interface DeliverDeps<T> {
  send(): Promise<Result<T>>;
  onState(state: SendState): void;
  sleep(ms: number): Promise<void>;
  isOnline(): boolean;
  /** Resolves when the browser says it is online again. */
  waitOnline(): Promise<void>;
  /** False once the visitor started a new conversation: the message is dropped. */
  alive(): boolean;
  random?: () => number;
}

export type Delivery<T> =
  { ok: true; value: T } | { ok: false; failure: Failure | { kind: 'cancelled' } };

/** Statuses worth another try with the same client message id: the server may answer later. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Sends one request (a message, or a transcript read) until the server acknowledges it. Network failures and 5xx retry with
 * exponential backoff and jitter, 429/503 wait for `Retry-After`, an offline tab waits for
 * `online`; each retry carries the same client message id, so the server records one turn.
 * Any other 4xx is final and returned.
 */
export async function deliver<T>(deps: DeliverDeps<T>): Promise<Delivery<T>> {
  deps.onState('sending');
  for (let attempt = 0; ; attempt++) {
    const result = await deps.send();
    if (!deps.alive()) return { ok: false, failure: { kind: 'cancelled' } };
    if (result.ok) return result;
    const { failure } = result;
    if (failure.kind === 'http' && !RETRYABLE.has(failure.status)) return result;
    if (failure.kind === 'network' && !deps.isOnline()) {
      deps.onState('offline');
      await deps.waitOnline();
    } else {
      deps.onState('reconnecting');
      const wait = failure.kind === 'http' ? failure.retryAfterMs : null;
      await deps.sleep(wait ?? backoffDelay(attempt, deps.random));
    }
    if (!deps.alive()) return { ok: false, failure: { kind: 'cancelled' } };
  }
}
