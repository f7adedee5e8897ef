import type { ParseOptions, ParseResult } from '@parley/nlu';
import {
  MAX_RECENT_MESSAGES,
  startingState,
  type ConversationState,
} from './conversation-state.js';
import type { BotRuntime, BotRuntimePort, ConversationStore, TurnRecord } from './ports.js';
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
  /** Any stored state: the manager validates what it reads (an unreadable one starts afresh). */
  conversations: ConversationStore<unknown>;
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
  /** Called with every recorded turn once its write has won (metrics). */
  onTurn?: (turn: TurnRecord) => void;
}

export interface DialogueManager {
  handleMessage(message: UserMessage): Promise<HandleMessageResult>;
}

/**
 * Creates the dialogue manager. Messages of one thread wait their turn inside this instance;
 * between instances each message is processed against the version it read and written with
 * compare-and-set, the turn in the same write; a lost race re-reads and re-processes. Within
 * one message the NLU parse and identical tool calls are not repeated across retries, and a
 * message sent again with its client message id is answered from its first turn.
 *
 * @example
 * const dialogue = createDialogueManager({ bots, conversations });
 * const result = await dialogue.handleMessage({ botId, threadId: 't-1', text: 'hi', channel: 'rest' });
 * if (result.ok) send(result.reply.messages);
 */
export function createDialogueManager(deps: DialogueManagerDeps): DialogueManager {
  const random = deps.random ?? Math.random;
  const now = deps.now ?? (() => new Date());
  const renderer = deps.renderer ?? createTemplateRenderer({ random });
  const toolCaller = deps.toolCaller ?? createHttpToolCaller();
  const maxRetries = deps.maxConflictRetries ?? DEFAULT_MAX_CONFLICT_RETRIES;
  const threads = createThreadQueue();
  // States this manager wrote: a store that hands them back (an instance cache) needs no re-parse.
  const produced = new WeakSet<object>();

  async function process(message: UserMessage): Promise<HandleMessageResult> {
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
      const nowMs = now().getTime();
      const { state, newSession } = startingState(
        stored?.state ?? null,
        nowMs,
        bot.settings.dialogue,
        produced,
      );
      const answered = await answeredBefore(message, state);
      if (answered) return { ok: true, reply: replyFromTurn(answered, state) };
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
      const version = (stored?.version ?? 0) + 1;
      const next = remember(result.state, message.clientMessageId, version);
      const turn = turnRecord(message, result, {
        seq: version,
        at: new Date(nowMs),
        latencyMs: Math.round(performance.now() - started),
        newSession,
        conflicts: attempt,
      });
      const saved = await deps.conversations.save(
        message.botId,
        message.threadId,
        stored?.version ?? 0,
        next,
        turn,
      );
      if (!saved.ok) {
        await pause(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt));
        continue;
      }
      produced.add(next);
      deps.onTurn?.(turn);
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

  /** The turn that already answered this client message id, if any. */
  async function answeredBefore(
    message: UserMessage,
    state: ConversationState,
  ): Promise<TurnRecord | null> {
    const id = message.clientMessageId;
    const seen = id ? state.recent.find((entry) => entry.id === id) : undefined;
    if (!seen) return null;
    return deps.conversations.turn(message.botId, message.threadId, seen.seq);
  }

  return {
    handleMessage: (message) =>
      threads.run(JSON.stringify([message.botId, message.threadId]), () => process(message)),
  };
}

/**
 * Runs tasks of one key one after another (and tasks of different keys side by side): a
 * message waits for the one before it on its thread instead of racing it.
 */
function createThreadQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

function remember(
  state: ConversationState,
  clientMessageId: string | undefined,
  seq: number,
): ConversationState {
  if (!clientMessageId) return state;
  return {
    ...state,
    recent: [...state.recent, { id: clientMessageId, seq }].slice(-MAX_RECENT_MESSAGES),
  };
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
    ...(message.clientMessageId && { clientMessageId: message.clientMessageId }),
    context: message.context ?? {},
    nlu: result.nlu,
    intentId: result.intentId,
    confidence: result.confidence,
    fellBack: result.fellBack,
    complete: result.complete,
    missingParameters: result.missingParameters,
    parameters: result.parameters,
    messages: result.messages,
    toolCall: result.toolCall,
    error: result.error,
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

/** The reply a turn gave, for a message sent again. */
function replyFromTurn(turn: TurnRecord, state: ConversationState): DialogueReply {
  return {
    botId: turn.botId,
    threadId: turn.threadId,
    messages: turn.messages,
    intent: turn.intentId ? { name: turn.intentId, confidence: turn.confidence } : null,
    entities: turn.nlu?.entities ?? [],
    complete: turn.complete,
    missingParameters: turn.missingParameters,
    parameters: turn.parameters as DialogueReply['parameters'],
    context: state.context,
    fellBack: turn.fellBack,
    nlu: turn.nlu,
    seq: turn.seq,
  };
}
