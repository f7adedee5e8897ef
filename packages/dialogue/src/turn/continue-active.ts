import { MAX_SUSPENDED_FRAMES, type SlotFrame } from '../conversation-state.js';
import {
  declaredValues,
  fillFromEntities,
  setValue,
  type ParameterValues,
} from './fill-parameters.js';
import type { Resolution } from './resolve-intent.js';
import { ask } from './say.js';
import {
  cancel,
  entitiesOf,
  idle,
  proceed,
  startIntent,
  type ActiveIntent,
  type Step,
  type Turn,
} from './steps.js';

/** A message while an intent collects parameters: an answer, an interruption, a cancel or a retry. */
export async function continueActive(
  turn: Turn,
  active: ActiveIntent,
  resolution: Resolution,
  suspended: SlotFrame[],
): Promise<Step> {
  if (resolution.kind === 'cancel') return cancel(turn, resolution.intent, resolution.confidence);
  const { intent, frame } = active;
  const confidence = scoreOf(turn, intent.intentId);
  /** Goes on with the active intent and these values, the same question keeping its count. */
  const resume = (values: ParameterValues): Promise<Step> =>
    proceed(turn, {
      intent,
      confidence,
      values,
      suspended,
      asked: { parameter: frame.pendingParameter, tries: frame.tries },
    });
  if (turn.forced && turn.forced.intentId === intent.intentId)
    return resume({
      ...frame.parameters,
      ...declaredValues(intent.parameters, turn.forced.parameters),
    });
  const answer = turn.forced ? null : answerPending(turn, active);
  if (answer) return resume(answer);
  if (resolution.kind === 'intent' && resolution.intent.intentId !== intent.intentId) {
    const keep =
      intent.onInterrupt === 'resume'
        ? [...suspended, frame].slice(-MAX_SUSPENDED_FRAMES)
        : suspended;
    return startIntent(
      turn,
      resolution.intent,
      resolution.confidence,
      keep,
      turn.forced?.parameters ?? {},
    );
  }
  const lone = turn.forced ? null : loneWordAnswer(turn, active);
  if (lone) return resume(lone);
  return retry(turn, active, suspended, confidence);
}

/**
 * An entity learnt only from annotated examples (no values, no patterns) is often answered
 * with the bare value — "ORD123456" to "what is your order number?" — which the sequence
 * labeller, trained on whole sentences, may not tag. A one-word answer to that question is
 * taken as the value; anything longer still needs the entity to be recognised.
 */
function loneWordAnswer(turn: Turn, { frame, pending }: ActiveIntent): ParameterValues | null {
  if (!pending?.entity) return null;
  const definition = turn.env.bot.entities.find((entity) => entity.name === pending.entity);
  if (!definition || definition.values.length > 0 || definition.patterns.length > 0) return null;
  const answer = turn.text.trim();
  if (!/^\S{1,64}$/u.test(answer)) return null;
  const values = { ...frame.parameters };
  setValue(values, pending.name, answer);
  return values;
}

/** The new values when the message answers the pending question (or fills any other parameter). */
function answerPending(
  turn: Turn,
  { intent, frame, pending }: ActiveIntent,
): ParameterValues | null {
  if (pending && !pending.entity) {
    const answer = turn.text.trim();
    if (answer === '') return null;
    const values = { ...frame.parameters };
    setValue(values, pending.name, answer);
    return values;
  }
  const { values, filled } = fillFromEntities(
    intent.parameters,
    frame.parameters,
    entitiesOf(turn),
    frame.pendingParameter,
  );
  return filled.length > 0 ? values : null;
}

/** An answer without the expected value: re-prompt, or give up and reset after `maxTries`. */
function retry(
  turn: Turn,
  { intent, frame, pending }: ActiveIntent,
  suspended: SlotFrame[],
  confidence: number,
): Step {
  const tries = frame.tries + 1;
  const base = {
    intentId: intent.intentId,
    confidence,
    fulfilled: false,
    parameters: frame.parameters,
  };
  if (!pending || tries >= pending.maxTries) {
    turn.said.messages.push({ text: turn.env.bot.settings.dialogue.giveUpText });
    return { ...idle(), ...base };
  }
  ask(turn, intent, pending, frame.parameters, { retry: true });
  return { active: { ...frame, tries }, suspended, ...base };
}

/** A continuing intent's confidence: 1 when forced, else its score in the ranking (0 when absent). */
function scoreOf(turn: Turn, intentId: string): number {
  if (turn.forced) return 1;
  return turn.nlu?.ranking.find((score) => score.name === intentId)?.confidence ?? 0;
}
