import type { CircuitState } from './llm-types.js';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Stops calling a failing endpoint for a while. Closed: calls pass, consecutive failures are
 * counted. Open: calls are refused until `cooldownMs` has passed. Half-open: one trial call
 * passes; its success closes the circuit, its failure opens it again.
 */
export interface CircuitBreaker {
  /** Whether a call may go out now; in half-open state only the first caller gets `true`. */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  state(): CircuitState;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let current: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const moveTo = (next: CircuitState): void => {
    if (next === current) return;
    current = next;
    options.onStateChange?.(next);
  };

  return {
    tryAcquire() {
      if (current === 'closed') return true;
      if (current === 'open') {
        if (now() - openedAt < options.cooldownMs) return false;
        moveTo('half_open');
      }
      if (trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    recordSuccess() {
      failures = 0;
      trialInFlight = false;
      moveTo('closed');
    },
    recordFailure() {
      trialInFlight = false;
      failures += 1;
      if (current === 'half_open' || failures >= options.failureThreshold) {
        openedAt = now();
        moveTo('open');
      }
    },
    state: () => current,
  };
}
