import type { BotSettings, IntentDefinition } from '@parley/domain';
import type { ParseResult } from '@parley/nlu';
import type { ForcedIntent } from './forced-intent.js';

export type FallbackReason = 'threshold' | 'ambiguous' | 'unknown-intent' | 'predicted';

/** What a message asks for, before slot filling decides what to do with it. */
export type Resolution =
  | { kind: 'intent'; intent: IntentDefinition; confidence: number; forced: boolean }
  | { kind: 'cancel'; intent: IntentDefinition | null; confidence: number }
  | {
      kind: 'fallback';
      intent: IntentDefinition | null;
      confidence: number;
      reason: FallbackReason;
    }
  | { kind: 'clarify'; candidates: [IntentDefinition, IntentDefinition]; confidence: number };

export interface ResolveInput {
  nlu: ParseResult | null;
  forced: ForcedIntent | null;
  intents: IntentDefinition[];
  settings: BotSettings;
}

/**
 * Applies forcing, the confidence threshold, the ambiguity margin and the built-in cancel
 * and fallback intents to a parse. A forced intent always wins; an unknown forced id has
 * been turned into ordinary text before this point.
 */
export function resolveIntent({ nlu, forced, intents, settings }: ResolveInput): Resolution {
  const byId = (id: string) => intents.find((intent) => intent.intentId === id) ?? null;
  const { cancelIntentId, fallbackIntentId } = settings.dialogue;
  const fallback = (confidence: number, reason: FallbackReason): Resolution => ({
    kind: 'fallback',
    intent: byId(fallbackIntentId),
    confidence,
    reason,
  });
  const classify = (
    intent: IntentDefinition,
    confidence: number,
    isForced: boolean,
  ): Resolution => {
    if (intent.intentId === cancelIntentId) return { kind: 'cancel', intent, confidence };
    if (intent.intentId === fallbackIntentId) return fallback(confidence, 'predicted');
    return { kind: 'intent', intent, confidence, forced: isForced };
  };

  const forcedIntent = forced ? byId(forced.intentId) : null;
  if (forcedIntent) return classify(forcedIntent, 1, true);
  if (!nlu) return fallback(0, 'unknown-intent');

  const top = nlu.intent;
  if (top.confidence < settings.nlu.threshold) return fallback(top.confidence, 'threshold');
  const intent = byId(top.name);
  if (!intent) return fallback(top.confidence, 'unknown-intent');

  const margin = settings.nlu.ambiguityMargin;
  const runnerUp = nlu.ranking.find((score) => score.name !== top.name);
  const second = runnerUp ? byId(runnerUp.name) : null;
  if (margin > 0 && runnerUp && second && top.confidence - runnerUp.confidence < margin) {
    if (settings.nlu.ambiguity === 'clarify') {
      return { kind: 'clarify', candidates: [intent, second], confidence: top.confidence };
    }
    return fallback(top.confidence, 'ambiguous');
  }
  return classify(intent, top.confidence, false);
}
