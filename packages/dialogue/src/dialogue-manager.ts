import type { JsonValue, ParseOptions, ParseResult } from '@parley/nlu';
import { startingState, type ConversationState } from './conversation-state.js';
import type {
  BotRuntime,
  BotRuntimePort,
  ConversationStatePort,
  TurnLogPort,
  TurnRecord,
} from './ports.js';
import { createTemplateRenderer, type TemplateRenderer } from './templates/template-renderer.js';
import {
  createHttpToolCaller,
  type ToolCaller,
  type ToolRequest,
  type ToolResponse,
} from './tools/http-tool-caller.js';
import { processTurn, type TurnOutcome } from './turn/process-turn.js';
import type { TurnEnv } from './turn/turn-env.js';
import type { DialogueReply, HandleMessageResult, UserMessage } from './types.js';

/** A message that loses this many compare-and-set races in a row is answered with CONVERSATION_BUSY. */
const DEFAULT_MAX_CONFLICT_RETRIES = 100;
/** Upper bound of the random pause after a lost race, so racing writers spread out. */
const MAX_BACKOFF_MS = 20;

export interface DialogueManagerDeps {
  bots: BotRuntimePort;
  conversations: ConversationStatePort<ConversationState>;
  turns: TurnLogPort;
  /** Performs tool calls; `createHttpToolCaller()` by default. */
  toolCaller?: ToolCaller;
  /** Picks response variants and drives the `random` helper; `Math.random` by default. */
  random?: () => number;
  /** The clock for idle expiry and turn times. */
  now?: () => Date;
  maxConflictRetries?: number;
  renderer?: TemplateRenderer;
  /** Largest context a conversation keeps, serialised; a message growing it further is refused. */
  maxContextBytes?: number;
}

export interface DialogueManager {
  handleMessage(message: UserMessage): Promise<HandleMessageResult>;
}

/**
 * Creates the dialogue manager. Each message is processed against the conversation version
 * it read and written with compare-and-set; a lost race re-reads and re-processes, and the
 * turn is appended only once its state write has won (its `seq` is the version it produced).
 * Within one message the NLU parse and identical tool calls are not repeated across retries.
 *
 * @example
 * const dialogue = createDialogueManager({ bots, conversations, turns });
 * const result = await dialogue.handleMessage({ botId, threadId: 't-1', text: 'hi', channel: 'rest' });
 * if (result.ok) send(result.reply.messages);
 */
export function createDialogueManager(deps: DialogueManagerDeps): DialogueManager {
  const random = deps.random ?? Math.random;
  const now = deps.now ?? (() => new Date());
  const renderer = deps.renderer ?? createTemplateRenderer({ random });
  const toolCaller = deps.toolCaller ?? createHttpToolCaller();
  const maxRetries = deps.maxConflictRetries ?? DEFAULT_MAX_CONFLICT_RETRIES;

  async function handleMessage(message: UserMessage): Promise<HandleMessageResult> {
    const started = performance.now();
    const bot = await deps.bots.get(message.botId);
    if (!bot)
      return {
        ok: false,
        error: { code: 'BOT_NOT_FOUND', message: `bot ${message.botId} does not exist` },
      };
    const env: TurnEnv = {
      bot,
      renderer,
      random,
      parse: memoizedParse(bot),
      callTool: memoizedToolCalls(toolCaller),
    };
    for (let attempt = 0; attempt <= maxRetries; attempt += 1) {
      const stored = await deps.conversations.load(message.botId, message.threadId);
      const answered = stored?.state.lastAnswer;
      if (message.clientMessageId && answered?.clientMessageId === message.clientMessageId)
        return { ok: true, reply: replayed(message, answered, stored!.state.context) };
      const nowMs = now().getTime();
      const { state, newSession } = startingState(
        stored?.state ?? null,
        nowMs,
        bot.settings.dialogue,
      );
      const result = await processTurn(env, {
        state,
        text: message.text,
        context: message.context ?? {},
        nowMs,
        ...(message.forcing && { forcing: message.forcing }),
        ...(message.event && { event: message.event }),
      });
      if (
        deps.maxContextBytes !== undefined &&
        Buffer.byteLength(JSON.stringify(result.state.context)) > deps.maxContextBytes
      ) {
        return {
          ok: false,
          error: {
            code: 'CONTEXT_TOO_LARGE',
            message: `the conversation's context would grow past ${deps.maxContextBytes} bytes`,
          },
        };
      }
      const saved = await deps.conversations.save(
        message.botId,
        message.threadId,
        stored?.version ?? 0,
        withLastAnswer(result, message, (stored?.version ?? 0) + 1),
      );
      if (!saved.ok) {
        await pause(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
        continue;
      }
      const latencyMs = Math.round(performance.now() - started);
      await deps.turns.append(
        turnRecord(message, result, {
          seq: saved.version,
          at: new Date(nowMs),
          latencyMs,
          newSession,
          conflicts: attempt,
        }),
      );
      return { ok: true, reply: reply(message, result, saved.version) };
    }
    return {
      ok: false,
      error: {
        code: 'CONVERSATION_BUSY',
        message: `thread ${message.threadId} changed ${maxRetries + 1} times while this message was processed`,
      },
    };
  }

  return { handleMessage };
}

/** One parse per expected entity per message: a retry asks the same question more often than not. */
function memoizedParse(bot: BotRuntime): TurnEnv['parse'] {
  const parses = new Map<string, Promise<ParseResult>>();
  return (text: string, options: ParseOptions) => {
    const key = options.expectedEntity ?? '';
    let parse = parses.get(key);
    if (!parse) {
      parse = bot.nlu.parse(text, options);
      parses.set(key, parse);
    }
    return parse;
  };
}

/** A retried message re-processes, but an identical request is sent once: tool calls may have side effects. */
function memoizedToolCalls(toolCaller: ToolCaller): TurnEnv['callTool'] {
  const calls = new Map<string, Promise<ToolResponse>>();
  return (request: ToolRequest) => {
    const key = JSON.stringify(request);
    let call = calls.get(key);
    if (!call) {
      call = toolCaller.call(request);
      calls.set(key, call);
    }
    return call;
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface TurnMeta {
  seq: number;
  at: Date;
  latencyMs: number;
  newSession: boolean;
  conflicts: number;
}

function turnRecord(message: UserMessage, result: TurnOutcome, meta: TurnMeta): TurnRecord {
  return {
    botId: message.botId,
    threadId: message.threadId,
    ...meta,
    channel: message.channel,
    userText: message.text,
    ...(message.event && { event: message.event }),
    context: message.context ?? {},
    nlu: result.nlu,
    intentId: result.intentId,
    fellBack: result.fellBack,
    parameters: result.parameters,
    messages: result.messages,
    toolCall: result.toolCall,
    error: result.error,
  };
}

/** The state to store: the answer is kept for a retry of this message (and only this one). */
function withLastAnswer(result: TurnOutcome, message: UserMessage, seq: number): ConversationState {
  const { lastAnswer: _previous, ...state } = result.state;
  if (!message.clientMessageId) return state;
  const { messages, intent, entities, complete, missingParameters, parameters, fellBack } = reply(
    message,
    result,
    seq,
  );
  return {
    ...state,
    lastAnswer: {
      clientMessageId: message.clientMessageId,
      seq,
      reply: {
        messages: messages as unknown as JsonValue[],
        intent,
        entities: entities as unknown as JsonValue[],
        complete,
        missingParameters,
        parameters,
        fellBack,
      },
    },
  };
}

/** The first reply to a message sent again with the same client id. */
function replayed(
  message: UserMessage,
  answered: NonNullable<ConversationState['lastAnswer']>,
  context: Record<string, unknown>,
): DialogueReply {
  const stored = answered.reply;
  return {
    botId: message.botId,
    threadId: message.threadId,
    messages: stored.messages as unknown as DialogueReply['messages'],
    intent: stored.intent,
    entities: stored.entities as unknown as DialogueReply['entities'],
    complete: stored.complete,
    missingParameters: stored.missingParameters,
    parameters: stored.parameters,
    context,
    fellBack: stored.fellBack,
    nlu: null,
    seq: answered.seq,
  };
}

function reply(message: UserMessage, result: TurnOutcome, seq: number): DialogueReply {
  return {
    botId: message.botId,
    threadId: message.threadId,
    messages: result.messages,
    intent: result.intentId ? { name: result.intentId, confidence: result.confidence } : null,
    entities: result.nlu?.entities ?? [],
    complete: result.complete,
    missingParameters: result.missingParameters,
    parameters: result.parameters,
    context: result.state.context,
    fellBack: result.fellBack,
    nlu: result.nlu,
    seq,
  };
}
