import type { IntentDefinition } from '@parley/domain';
import type { JsonValue, ParseResult } from '@parley/nlu';
import { MAX_OFFERED_PAYLOADS, type ConversationState } from '../conversation-state.js';
import type { ForcingPolicy } from '../types.js';
import type { BotMessage, ToolCallOutcome } from '../ports.js';
import { continueActive } from './continue-active.js';
import { missingParameters } from './fill-parameters.js';
import {
  mayForce,
  offeredPayloads,
  parseForcedIntent,
  type ForcedIntent,
} from './forced-intent.js';
import { checkForcedValues } from './forced-values.js';
import { resolveIntent, type Resolution } from './resolve-intent.js';
import { clarify, createSaid, respond } from './say.js';
import { cancel, idle, startIntent, type ActiveIntent, type Step, type Turn } from './steps.js';
import type { TurnEnv } from './turn-env.js';

export interface TurnInput {
  /** The state the message starts from (idle expiry already applied). */
  state: ConversationState;
  text: string;
  context: Record<string, unknown>;
  nowMs: number;
  /** Which forced intents the sender may use; `offered` when absent. */
  forcing?: ForcingPolicy;
  /** `welcome`: the bot's welcome intent answers, whatever the text. */
  event?: 'welcome';
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
  const errors: string[] = [];
  const { forced, text } = await forcedIntent(env, input, errors);
  const active = activeIntentOf(input.state, intent);
  const expectedEntity = active?.pending?.entity;
  const nlu = forced
    ? null
    : await env.parse(text, {
        context,
        referenceTime: new Date(input.nowMs),
        timeZone: env.bot.settings.timeZone,
        ...(expectedEntity ? { expectedEntity } : {}),
      });
  const turn: Turn = { env, said: createSaid(), context, text, nlu, forced, active, intent };
  turn.said.errors.push(...errors);
  const resolution = resolveIntent({
    nlu,
    forced,
    intents: env.bot.intents,
    settings: env.bot.settings,
  });
  const step = active
    ? await continueActive(turn, active, resolution, input.state.suspended)
    : await startFresh(turn, resolution);
  return outcome(turn, step, input);
}

/** The state's active frame with its intent and pending parameter; null when the intent is gone. */
function activeIntentOf(
  state: ConversationState,
  intent: (id: string) => IntentDefinition | null,
): ActiveIntent | null {
  const frame = state.active;
  const definition = frame ? intent(frame.intentId) : null;
  if (!frame || !definition) return null;
  const pending = definition.parameters.find((p) => p.name === frame.pendingParameter) ?? null;
  return { frame, intent: definition, pending };
}

/**
 * The forced intent of a message, when it names an intent, the sender may force it, and with
 * its parameter values checked like extracted ones. A forced text the sender may not use is
 * read as ordinary text.
 */
async function forcedIntent(
  env: TurnEnv,
  input: TurnInput,
  errors: string[],
): Promise<{ forced: ForcedIntent | null; text: string }> {
  const { welcomeIntentId } = env.bot.settings.dialogue;
  const text = input.event === 'welcome' ? `/${welcomeIntentId}` : input.text;
  const candidate = parseForcedIntent(text);
  const target = candidate && env.bot.intents.find((i) => i.intentId === candidate.intentId);
  if (!candidate || !target) return { forced: null, text };
  if (candidate.error) errors.push(`forced intent ${candidate.intentId}: ${candidate.error}`);
  if (
    !mayForce(text, candidate, input.forcing ?? 'offered', input.state.offered, welcomeIntentId)
  ) {
    errors.push(`forced intent ${candidate.intentId} refused: the bot did not offer it here`);
    return { forced: null, text };
  }
  const checked = await checkForcedValues(
    target.parameters,
    candidate.parameters,
    env.bot.entities,
    env.bot.extractEntities,
    { referenceTime: new Date(input.nowMs), timeZone: env.bot.settings.timeZone },
  );
  for (const refused of checked.refused)
    errors.push(`forced intent ${candidate.intentId}: refused ${refused}`);
  return { forced: { intentId: candidate.intentId, parameters: checked.values }, text };
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
      await respond(turn, resolution.intent, 'fallbackText');
      return {
        ...idle(),
        intentId: dialogue.fallbackIntentId,
        confidence: resolution.confidence,
        fellBack: true,
        fulfilled: true,
      };
    case 'clarify':
      clarify(turn, ...resolution.candidates);
      return { ...idle(), intentId: null, confidence: resolution.confidence, fulfilled: true };
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
      recent: input.state.recent,
      offered: [...input.state.offered, ...offeredPayloads(turn.said.messages)]
        .filter((payload, index, all) => all.lastIndexOf(payload) === index)
        .slice(-MAX_OFFERED_PAYLOADS),
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
