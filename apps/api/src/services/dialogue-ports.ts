import type { ConversationState, ConversationStatePort, TurnLogPort } from '@parley/dialogue';
import type { Store } from '@parley/store';
import type { Metrics } from '../metrics/metrics.js';

/** The store's compare-and-set conversation repository is the dialogue's state port. */
export function conversationPort(
  store: Pick<Store, 'conversations'>,
): ConversationStatePort<ConversationState> {
  return {
    load: (botId, threadId) =>
      store.conversations.load(botId, threadId) as ReturnType<
        ConversationStatePort<ConversationState>['load']
      >,
    save: (botId, threadId, expectedVersion, state) =>
      store.conversations.save(
        botId,
        threadId,
        expectedVersion,
        state as unknown as Record<string, unknown>,
      ),
  };
}

/** Turns go to the append-only chat log; failed tool calls are counted for /metrics. */
export function turnLogPort(store: Pick<Store, 'turns'>, metrics?: Metrics): TurnLogPort {
  return {
    append: async (turn) => {
      if (turn.toolCall && !turn.toolCall.ok)
        metrics?.toolCallErrors.inc({ bot: turn.botId, intent: turn.intentId ?? 'none' });
      await store.turns.append({ ...turn });
    },
  };
}
