import type { IntentDefinition, Parameter } from '@parley/domain';
import type { ExtractedEntity, ParseResult } from '@parley/nlu';
import type { SlotFrame } from '../conversation-state.js';
import {
  declaredValues,
  fillFromEntities,
  missingParameters,
  type ParameterValues,
} from './fill-parameters.js';
import type { ForcedIntent } from './forced-intent.js';
import { ask, fulfil, respond, type Voice } from './say.js';

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

/** The intent that was collecting parameters when the message came, and what it asked last. */
export interface ActiveIntent {
  frame: SlotFrame;
  intent: IntentDefinition;
  /** The parameter of the last question; null before one or when the intent no longer has it. */
  pending: Parameter | null;
}

/** Shared by the steps of one message. */
export interface Turn extends Voice {
  text: string;
  nlu: ParseResult | null;
  forced: ForcedIntent | null;
  /** Resolved once per message: the steps never look the frame's intent or question up again. */
  active: ActiveIntent | null;
  intent(id: string): IntentDefinition | null;
}

/** An intent with the values it has so far, on its way to its next question or to fulfilment. */
export interface Progress {
  intent: IntentDefinition;
  confidence: number;
  values: ParameterValues;
  suspended: SlotFrame[];
  /** The question asked last and how often it was answered without its value. */
  asked?: { parameter: string | null; tries: number };
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
  return proceed(turn, { intent, confidence, values, suspended });
}

/**
 * With the values so far: ask for the first missing required parameter (keeping the retry
 * count when it is the same question), or fulfil and come back to a suspended intent.
 */
export async function proceed(turn: Turn, progress: Progress): Promise<Step> {
  const { intent, confidence, values, suspended, asked } = progress;
  const missing = missingParameters(intent.parameters, values)[0];
  if (missing) {
    const frame: SlotFrame = {
      intentId: intent.intentId,
      parameters: values,
      pendingParameter: missing.name,
      tries: asked && asked.parameter === missing.name ? asked.tries : 0,
    };
    ask(turn, intent, missing, values);
    return {
      active: frame,
      suspended,
      intentId: intent.intentId,
      confidence,
      fulfilled: false,
      parameters: values,
    };
  }
  await fulfil(turn, intent, values);
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
    ask(turn, intent, missing, frame.parameters);
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
  await respond(turn, intent, 'cancelText');
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
