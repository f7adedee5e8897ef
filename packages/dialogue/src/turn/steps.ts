import type { IntentDefinition } from '@parley/domain';
import type { ExtractedEntity, ParseResult } from '@parley/nlu';
import type { SlotFrame } from '../conversation-state.js';
import {
  declaredValues,
  fillFromEntities,
  missingParameters,
  type ParameterValues,
} from './fill-parameters.js';
import type { ForcedIntent } from './forced-intent.js';
import { ask, fulfil, respond, type Said } from './say.js';
import type { TurnEnv } from './turn-env.js';

const DEFAULT_CANCEL_TEXT = 'Okay, cancelled.';

/** Who handled the message, and where the dialogue stands afterwards. */
export interface Step {
  active: SlotFrame | null;
  suspended: SlotFrame[];
  intentId: string | null;
  confidence: number;
  fellBack?: boolean;
  fulfilled: boolean;
  parameters: ParameterValues;
}

/** Shared by the steps of one message. */
export interface Turn {
  env: TurnEnv;
  said: Said;
  context: Record<string, unknown>;
  text: string;
  nlu: ParseResult | null;
  forced: ForcedIntent | null;
  intent(id: string): IntentDefinition | null;
}

/** Fills what it can from the message and forced values, then asks for the first missing parameter or fulfils. */
export async function startIntent(
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
export async function proceed(
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

export async function cancel(
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

export function idle(): Pick<Step, 'active' | 'suspended' | 'parameters'> {
  return { active: null, suspended: [], parameters: {} };
}

/** The message's entities that are sure enough to fill a parameter (the bot's entity threshold). */
export function entitiesOf(turn: Turn): ExtractedEntity[] {
  const threshold = turn.env.bot.settings.nlu.entityThreshold;
  return (turn.nlu?.entities ?? []).filter((entity) => entity.confidence >= threshold);
}
