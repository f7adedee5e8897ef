import type { IntentDefinition } from '@parley/domain';
import type { ExtractedEntity, JsonValue, ParseResult } from '@parley/nlu';
import {
  MAX_SUSPENDED_FRAMES,
  type ConversationState,
  type SlotFrame,
} from '../conversation-state.js';
import type { BotMessage, ToolCallOutcome } from '../ports.js';
import {
  declaredValues,
  fillFromEntities,
  missingParameters,
  setValue,
  type ParameterValues,
} from './fill-parameters.js';
import { parseForcedIntent, type ForcedIntent } from './forced-intent.js';
import { resolveIntent, type Resolution } from './resolve-intent.js';
import { ask, createSaid, DEFAULT_FALLBACK_TEXT, fulfil, respond, type Said } from './say.js';
import type { TurnEnv } from './turn-env.js';

const DEFAULT_CANCEL_TEXT = 'Okay, cancelled.';

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

/** Who handled the message, and where the dialogue stands afterwards. */
interface Step {
  active: SlotFrame | null;
  suspended: SlotFrame[];
  intentId: string | null;
  confidence: number;
  fellBack?: boolean;
  fulfilled: boolean;
  parameters: ParameterValues;
}

/** Shared by the steps of one message. */
interface Turn {
  env: TurnEnv;
  said: Said;
  context: Record<string, unknown>;
  text: string;
  nlu: ParseResult | null;
  forced: ForcedIntent | null;
  intent(id: string): IntentDefinition | null;
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

/** Fills what it can from the message and forced values, then asks for the first missing parameter or fulfils. */
async function startIntent(
  turn: Turn,
  intent: IntentDefinition,
  confidence: number,
  suspended: SlotFrame[],
  forcedValues: ParameterValues,
): Promise<Step> {
  const declared = declaredValues(intent.parameters, forcedValues);
  const { values } = fillFromEntities(intent.parameters, declared, entitiesOf(turn));
  return proceed(turn, intent, confidence, values, suspended, 0, null);
}

/**
 * With the values so far: ask for the first missing required parameter (keeping the retry
 * count when it is the same question), or fulfil and come back to a suspended intent.
 */
async function proceed(
  turn: Turn,
  intent: IntentDefinition,
  confidence: number,
  values: ParameterValues,
  suspended: SlotFrame[],
  tries: number,
  previousPending: string | null,
): Promise<Step> {
  const missing = missingParameters(intent.parameters, values)[0];
  if (missing) {
    const sameQuestion = missing.name === previousPending;
    const frame: SlotFrame = {
      intentId: intent.intentId,
      parameters: values,
      pendingParameter: missing.name,
      tries: sameQuestion ? tries : 0,
    };
    ask(turn.env, turn.said, intent, missing, values, turn.context, false);
    return {
      active: frame,
      suspended,
      intentId: intent.intentId,
      confidence,
      fulfilled: false,
      parameters: values,
    };
  }
  await fulfil(turn.env, turn.said, intent, values, turn.context);
  const done: Step = {
    ...idle(),
    intentId: intent.intentId,
    confidence,
    fulfilled: true,
    parameters: values,
  };
  return resumeSuspended(turn, done, suspended);
}

/** After an intent completes, the most recently interrupted one asks its pending question again. */
function resumeSuspended(turn: Turn, done: Step, suspended: SlotFrame[]): Step {
  const stack = [...suspended];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const intent = turn.intent(frame.intentId);
    const missing = intent ? missingParameters(intent.parameters, frame.parameters)[0] : undefined;
    if (!intent || !missing) continue;
    ask(turn.env, turn.said, intent, missing, frame.parameters, turn.context, false);
    return {
      ...done,
      active: { ...frame, pendingParameter: missing.name, tries: 0 },
      suspended: stack,
    };
  }
  return done;
}

async function continueActive(
  turn: Turn,
  active: SlotFrame,
  intent: IntentDefinition,
  resolution: Resolution,
  suspended: SlotFrame[],
): Promise<Step> {
  if (resolution.kind === 'cancel') return cancel(turn, resolution.intent, resolution.confidence);
  const confidence = scoreOf(turn, intent.intentId);
  if (turn.forced && turn.forced.intentId === intent.intentId) {
    const values = {
      ...active.parameters,
      ...declaredValues(intent.parameters, turn.forced.parameters),
    };
    return proceed(
      turn,
      intent,
      confidence,
      values,
      suspended,
      active.tries,
      active.pendingParameter,
    );
  }
  const answer = turn.forced ? null : answerPending(turn, intent, active);
  if (answer)
    return proceed(
      turn,
      intent,
      confidence,
      answer,
      suspended,
      active.tries,
      active.pendingParameter,
    );
  if (resolution.kind === 'intent' && resolution.intent.intentId !== intent.intentId) {
    const keep =
      intent.onInterrupt === 'resume'
        ? [...suspended, active].slice(-MAX_SUSPENDED_FRAMES)
        : suspended;
    return startIntent(
      turn,
      resolution.intent,
      resolution.confidence,
      keep,
      turn.forced?.parameters ?? {},
    );
  }
  return retry(turn, active, intent, suspended, confidence);
}

/** The new values when the message answers the pending question (or fills any other parameter). */
function answerPending(
  turn: Turn,
  intent: IntentDefinition,
  active: SlotFrame,
): ParameterValues | null {
  const pending = intent.parameters.find((p) => p.name === active.pendingParameter);
  if (pending && !pending.entity) {
    const answer = turn.text.trim();
    if (answer === '') return null;
    const values = { ...active.parameters };
    setValue(values, pending.name, answer);
    return values;
  }
  const { values, filled } = fillFromEntities(
    intent.parameters,
    active.parameters,
    entitiesOf(turn),
    active.pendingParameter,
  );
  return filled.length > 0 ? values : null;
}

/** An answer without the expected value: re-prompt, or give up and reset after `maxTries`. */
function retry(
  turn: Turn,
  active: SlotFrame,
  intent: IntentDefinition,
  suspended: SlotFrame[],
  confidence: number,
): Step {
  const parameter = intent.parameters.find((p) => p.name === active.pendingParameter);
  const tries = active.tries + 1;
  const base = {
    intentId: intent.intentId,
    confidence,
    fulfilled: false,
    parameters: active.parameters,
  };
  if (!parameter || tries >= parameter.maxTries) {
    turn.said.messages.push({ text: turn.env.bot.settings.dialogue.giveUpText });
    return { ...idle(), ...base };
  }
  ask(turn.env, turn.said, intent, parameter, active.parameters, turn.context, true);
  return { active: { ...active, tries }, suspended, ...base };
}

async function cancel(
  turn: Turn,
  intent: IntentDefinition | null,
  confidence: number,
): Promise<Step> {
  await respond(turn.env, turn.said, intent, DEFAULT_CANCEL_TEXT, turn.context);
  return {
    ...idle(),
    intentId: turn.env.bot.settings.dialogue.cancelIntentId,
    confidence,
    fulfilled: true,
  };
}

function idle(): Pick<Step, 'active' | 'suspended' | 'parameters'> {
  return { active: null, suspended: [], parameters: {} };
}

function entitiesOf(turn: Turn): ExtractedEntity[] {
  return turn.nlu?.entities ?? [];
}

/** A continuing intent's confidence: 1 when forced, else its score in the ranking (0 when absent). */
function scoreOf(turn: Turn, intentId: string): number {
  if (turn.forced) return 1;
  return turn.nlu?.ranking.find((score) => score.name === intentId)?.confidence ?? 0;
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
