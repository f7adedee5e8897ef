import type { IntentDefinition, Parameter } from '@parley/domain';
import type { JsonValue } from '@parley/nlu';
import type { BotMessage, ToolCallOutcome } from '../ports.js';
import { splitMessages } from '../templates/split-messages.js';
import { redactSecrets, renderToolRequest } from '../tools/render-tool-request.js';
import { localeOf, type TurnEnv } from './turn-env.js';

/** What a turn says and records; filled step by step while one message is processed. */
export interface Said {
  messages: BotMessage[];
  toolCall: ToolCallOutcome | null;
  errors: string[];
}

export function createSaid(): Said {
  return { messages: [], toolCall: null, errors: [] };
}

/** Where a turn speaks: the bot, what the turn has said so far, and the conversation's context. */
export interface Voice {
  env: TurnEnv;
  said: Said;
  context: Record<string, unknown>;
}

type Values = Record<string, JsonValue>;

/** The intent's error text, or the bot-wide default. */
function sayError(env: TurnEnv, said: Said, intent: IntentDefinition | null, error: string): void {
  said.errors.push(error);
  said.messages.push({ text: intent?.errorResponse || env.bot.settings.dialogue.errorText });
}

/**
 * Fulfils an intent: runs its tool call (if any), then renders one response variant with
 * `context`, `parameters` and `result`, split on `###`; quick replies and buttons go on the
 * last message. Failures become the error text and are recorded, never thrown.
 */
export async function fulfil(voice: Voice, intent: IntentDefinition, parameters: Values) {
  const { env, said, context } = voice;
  let result: JsonValue = null;
  if (intent.toolCall) {
    const called = await runToolCall(voice, intent, parameters);
    if (!called.ok) return;
    result = called.result;
  }
  const variant = pick(intent.responses, env.random);
  if (variant === undefined) return;
  let text: string;
  try {
    // A tool response may echo a secret it was sent; it never reaches the chat or the log.
    text = redactSecrets(
      env.renderer.render(variant, { context, parameters, result }, localeOf(env.bot)),
      env.bot.secrets,
    );
  } catch (error) {
    return sayError(
      env,
      said,
      intent,
      `response template of ${intent.intentId}: ${(error as Error).message}`,
    );
  }
  const messages: BotMessage[] = splitMessages(text).map((part) => ({ text: part }));
  const last = messages[messages.length - 1];
  if (last && intent.quickReplies.length > 0)
    last.quickReplies = intent.quickReplies.map((q) => ({ ...q }));
  if (last && intent.buttons.length > 0) last.buttons = intent.buttons.map((b) => ({ ...b }));
  said.messages.push(...messages);
}

async function runToolCall(
  { env, said, context }: Voice,
  intent: IntentDefinition,
  parameters: Values,
): Promise<{ ok: true; result: JsonValue } | { ok: false }> {
  const toolCall = intent.toolCall!;
  const { secrets } = env.bot;
  let request;
  try {
    request = renderToolRequest(
      toolCall,
      { context, parameters, secrets },
      env.renderer,
      localeOf(env.bot),
      env.bot.settings.toolCalls.allowPrivateNetworks,
    );
  } catch (error) {
    const message = redactSecrets((error as Error).message, secrets);
    said.toolCall = {
      method: toolCall.method,
      url: '',
      status: null,
      ok: false,
      durationMs: 0,
      code: 'TEMPLATE',
      error: message,
    };
    sayError(env, said, intent, `tool call of ${intent.intentId}: ${message}`);
    return { ok: false };
  }
  const response = await env.callTool(request);
  const outcome: ToolCallOutcome = {
    method: request.method,
    url: redactSecrets(request.url, secrets),
    status: response.status,
    ok: response.ok,
    durationMs: response.durationMs,
  };
  said.toolCall = outcome;
  if (response.ok) return { ok: true, result: response.data };
  outcome.code = response.code;
  outcome.error = redactSecrets(response.message, secrets);
  sayError(env, said, intent, `tool call of ${intent.intentId}: ${response.code} ${outcome.error}`);
  return { ok: false };
}

/**
 * Asks for a parameter: its prompt, or its re-prompt (falling back to the prompt) on a retry,
 * or the bot's `promptText` when the parameter has neither.
 */
export function ask(
  voice: Voice,
  intent: IntentDefinition,
  parameter: Parameter,
  parameters: Values,
  { retry = false }: { retry?: boolean } = {},
): void {
  const { env, said, context } = voice;
  const own = retry ? parameter.reprompt || parameter.prompt : parameter.prompt;
  const template = own || env.bot.settings.dialogue.promptText;
  try {
    const variables = { context, parameters, parameter: parameter.name };
    const text = env.renderer.render(template, variables, localeOf(env.bot));
    said.messages.push(...splitMessages(text).map((part) => ({ text: part })));
  } catch (error) {
    const source = own ? `prompt of ${intent.intentId}.${parameter.name}` : 'dialogue.promptText';
    sayError(env, said, intent, `${source}: ${(error as Error).message}`);
  }
}

/**
 * Asks which of two intents was meant (the bot's `clarifyText`), offering both as quick
 * replies; the error text when the setting does not render.
 */
export function clarify(voice: Voice, first: IntentDefinition, second: IntentDefinition): void {
  const { env, said } = voice;
  const quickReplies = [first, second].map((i) => ({ title: i.name, payload: `/${i.intentId}` }));
  let text: string;
  try {
    const variables = { context: voice.context, first: first.name, second: second.name };
    text = env.renderer.render(env.bot.settings.dialogue.clarifyText, variables, localeOf(env.bot));
  } catch (error) {
    said.errors.push(`dialogue.clarifyText: ${(error as Error).message}`);
    text = env.bot.settings.dialogue.errorText;
  }
  said.messages.push({ text, quickReplies });
}

/** A built-in answer (fallback, cancel): the intent's response when the bot defines it, else the bot's text. */
export async function respond(
  voice: Voice,
  intent: IntentDefinition | null,
  text: 'fallbackText' | 'cancelText',
) {
  if (intent && intent.responses.length > 0) return fulfil(voice, intent, {});
  const { env, said } = voice;
  said.messages.push({ text: env.bot.settings.dialogue[text] });
}

function pick<T>(items: T[], random: () => number): T | undefined {
  if (items.length === 0) return undefined;
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}
