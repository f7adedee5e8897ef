import type { JsonValue, ParseResult } from '@parley/nlu';
import type { ConversationState } from '../conversation-state.js';
import type { BotMessage, ToolCallOutcome } from '../ports.js';
import { continueActive } from './continue-active.js';
import { missingParameters } from './fill-parameters.js';
import { parseForcedIntent } from './forced-intent.js';
import { resolveIntent, type Resolution } from './resolve-intent.js';
import { createSaid, DEFAULT_FALLBACK_TEXT, respond } from './say.js';
import { cancel, idle, startIntent, type Step, type Turn } from './steps.js';
import type { TurnEnv } from './turn-env.js';

export interface TurnInput {
  /** The state the message starts from (idle expiry already applied). */
  state: ConversationState;
  text: string;
  context: Record<string, unknown>;
  nowMs: number;
}

/** Everything one message produces: the next state, the reply and what the turn log records. */
export interface TurnOutcome {
  state: ConversationState;
  messages: BotMessage[];
  intentId: string | null;
  confidence: number;
  fellBack: boolean;
  nlu: ParseResult | null;
  complete: boolean;
  missingParameters: string[];
  parameters: Record<string, JsonValue>;
  toolCall: ToolCallOutcome | null;
  error: string | null;
}
/**
 * Processes one message against a state: no storage, no clock, no randomness of its own
 * (the NLU, the tool caller and `random` come from `env`). Running it twice on the same
 * input gives the same result, which is what makes compare-and-set retries safe.
 */
export async function processTurn(env: TurnEnv, input: TurnInput): Promise<TurnOutcome> {
  const intent = (id: string) => env.bot.intents.find((i) => i.intentId === id) ?? null;
  const context = { ...input.state.context, ...input.context };
  const parsedForced = parseForcedIntent(input.text);
  const forced = parsedForced && intent(parsedForced.intentId) ? parsedForced : null;
  const activeIntent = input.state.active ? intent(input.state.active.intentId) : null;
  const active = activeIntent ? input.state.active : null;
  const pending = activeIntent?.parameters.find((p) => p.name === active?.pendingParameter);
  const nlu = forced
    ? null
    : await env.parse(input.text, {
        context,
        referenceTime: new Date(input.nowMs),
        timeZone: env.bot.settings.timeZone,
        ...(pending?.entity ? { expectedEntity: pending.entity } : {}),
      });
  const turn: Turn = { env, said: createSaid(), context, text: input.text, nlu, forced, intent };
  if (parsedForced?.error)
    turn.said.errors.push(`forced intent ${parsedForced.intentId}: ${parsedForced.error}`);
  const resolution = resolveIntent({
    nlu,
    forced,
    intents: env.bot.intents,
    settings: env.bot.settings,
  });
  const step =
    active && activeIntent
      ? await continueActive(turn, active, activeIntent, resolution, input.state.suspended)
      : await startFresh(turn, resolution);
  return outcome(turn, step, input);
}

async function startFresh(turn: Turn, resolution: Resolution): Promise<Step> {
  const { dialogue } = turn.env.bot.settings;
  switch (resolution.kind) {
    case 'intent':
      return startIntent(
        turn,
        resolution.intent,
        resolution.confidence,
        [],
        turn.forced?.parameters ?? {},
      );
    case 'cancel':
      return cancel(turn, resolution.intent, resolution.confidence);
    case 'fallback':
      await respond(turn.env, turn.said, resolution.intent, DEFAULT_FALLBACK_TEXT, turn.context);
      return {
        ...idle(),
        intentId: dialogue.fallbackIntentId,
        confidence: resolution.confidence,
        fellBack: true,
        fulfilled: true,
      };
    case 'clarify': {
      const [a, b] = resolution.candidates;
      turn.said.messages.push({
        text: `Did you mean "${a.name}" or "${b.name}"?`,
        quickReplies: [a, b].map((i) => ({ title: i.name, payload: `/${i.intentId}` })),
      });
      return { ...idle(), intentId: null, confidence: resolution.confidence, fulfilled: true };
    }
  }
}

function outcome(turn: Turn, step: Step, input: TurnInput): TurnOutcome {
  const waiting = step.active ? turn.intent(step.active.intentId) : null;
  const missing =
    waiting && step.active
      ? missingParameters(waiting.parameters, step.active.parameters).map((p) => p.name)
      : [];
  return {
    state: {
      active: step.active,
      suspended: step.suspended,
      context: turn.context,
      sessionStartedAt: input.state.sessionStartedAt,
      lastMessageAt: input.nowMs,
    },
    messages: turn.said.messages,
    intentId: step.intentId,
    confidence: step.confidence,
    fellBack: step.fellBack ?? false,
    nlu: turn.nlu,
    complete: step.fulfilled && step.active === null,
    missingParameters: missing,
    parameters: step.parameters,
    toolCall: turn.said.toolCall,
    error: turn.said.errors.length > 0 ? turn.said.errors.join('; ') : null,
  };
}
