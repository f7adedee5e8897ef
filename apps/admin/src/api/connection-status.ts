import { useSyncExternalStore } from 'react';
import type { ApiError } from './problem';

/**
 * Whether the last call reached the API. Any screen's failed call sets it, any answer clears
 * it, and the shell shows it: an outage is never only a spinner or a stale screen.
 */
let unreachable: ApiError | null = null;
const listeners = new Set<() => void>();

export const connectionStatus = {
  failed(error: ApiError): void {
    if (unreachable === error) return;
    unreachable = error;
    listeners.forEach((listener) => listener());
  },
  reached(): void {
    if (!unreachable) return;
    unreachable = null;
    listeners.forEach((listener) => listener());
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionProblem(): ApiError | null {
  return useSyncExternalStore(subscribe, () => unreachable);
}
