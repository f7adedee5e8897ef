import { z } from 'zod';
import type { JsonValue } from '@parley/nlu';

/** How many interrupted intents a thread remembers to come back to; older ones are dropped. */
export const MAX_SUSPENDED_FRAMES = 5;
/** How many forced-intent payloads the bot offered (quick replies, buttons) a thread remembers. */
export const MAX_OFFERED_PAYLOADS = 30;
/** How many client message ids a thread remembers, so that a retried message is answered once. */
export const MAX_RECENT_MESSAGES = 20;

const ZJsonValue: z.ZodType<JsonValue> = z.json();

/** An intent that is collecting its parameters. */
export const ZSlotFrame = z.object({
  intentId: z.string(),
  parameters: z.record(z.string(), ZJsonValue),
  /** The parameter whose prompt was the last reply; null before the first question. */
  pendingParameter: z.string().nullable(),
  /** Answers to the pending parameter that did not contain it. */
  tries: z.number().int().min(0),
});
export type SlotFrame = z.infer<typeof ZSlotFrame>;

/**
 * The dialogue state of one thread, as stored by a `ConversationStore`. Plain JSON:
 * times are epoch milliseconds. Context keys are whatever clients send (they may contain
 * dots); a store that cannot keep such keys must encode them.
 */
export const ZConversationState = z.object({
  /** The intent collecting parameters, if any. */
  active: ZSlotFrame.nullable(),
  /** Intents interrupted in `resume` mode, most recent last; each is resumed when the one above completes. */
  suspended: z.array(ZSlotFrame).max(MAX_SUSPENDED_FRAMES),
  /**
   * `/intent{…}` payloads the bot offered in this thread (quick replies, buttons), newest last:
   * an end user may send exactly these to force an intent.
   */
  offered: z.array(z.string().max(1000)).max(MAX_OFFERED_PAYLOADS).default([]),
  /** The client message ids of the last messages and the version each produced, oldest first. */
  recent: z
    .array(z.object({ id: z.string(), seq: z.number().int().min(1) }))
    .max(MAX_RECENT_MESSAGES)
    .default([]),
  /** Client context merged message after message; templates see it as `context`. */
  context: z.record(z.string(), z.unknown()),
  /** When the current session started (epoch ms). */
  sessionStartedAt: z.number(),
  /** When the last message was processed (epoch ms); drives idle expiry. */
  lastMessageAt: z.number(),
});
export type ConversationState = z.infer<typeof ZConversationState>;

/** A fresh state: no intent in progress. */
export function createInitialState(
  nowMs: number,
  context: Record<string, unknown> = {},
  recent: ConversationState['recent'] = [],
): ConversationState {
  return {
    active: null,
    suspended: [],
    offered: [],
    recent,
    context,
    sessionStartedAt: nowMs,
    lastMessageAt: nowMs,
  };
}

export interface SessionOptions {
  sessionIdleMinutes: number;
  keepContextOnExpiry: boolean;
}

/**
 * The state a message starts from: the stored one, or a fresh one when there is none, it is
 * unreadable (an older shape) or the thread was idle longer than the session allows.
 */
export function startingState(
  stored: unknown,
  nowMs: number,
  options: SessionOptions,
  /** States this process produced itself: known valid, not parsed again. */
  trusted?: WeakSet<object>,
): { state: ConversationState; newSession: boolean } {
  if (stored === null || stored === undefined) {
    return { state: createInitialState(nowMs), newSession: true };
  }
  let state: ConversationState;
  if (typeof stored === 'object' && trusted?.has(stored)) state = stored as ConversationState;
  else {
    const parsed = ZConversationState.safeParse(stored);
    if (!parsed.success) return { state: createInitialState(nowMs), newSession: true };
    state = parsed.data;
  }
  const idleMs = nowMs - state.lastMessageAt;
  if (idleMs <= options.sessionIdleMinutes * 60_000) return { state, newSession: false };
  const context = options.keepContextOnExpiry ? state.context : {};
  // A retry of a message from before the pause must still be answered once.
  return { state: createInitialState(nowMs, context, state.recent), newSession: true };
}
