import type { BotSettings, EntityDefinition, IntentDefinition } from '@parley/domain';
import type { ExtractedEntity, NluParser, ParseOptions, ParseResult } from '@parley/nlu';

/** A conversation's stored state with the version it was read at (0 = never saved). */
export interface StoredConversation<State> {
  version: number;
  state: State;
  updatedAt: Date;
}

export type SaveConversationResult =
  { ok: true; version: number } | { ok: false; reason: 'conflict' };

/**
 * Where conversations live: each version of a thread's state together with the turn that
 * produced it. `save` is a compare-and-set and a transcript append in one write: it succeeds
 * only when the stored version still equals `expectedVersion` (0 starts the thread), and then
 * version `expectedVersion + 1` exists with its turn. A lost race is reported, never
 * overwritten; an answered message is never missing from the transcript.
 */
export interface ConversationStore<State> {
  load(botId: string, threadId: string): Promise<StoredConversation<State> | null>;
  save(
    botId: string,
    threadId: string,
    expectedVersion: number,
    state: State,
    turn: TurnRecord,
  ): Promise<SaveConversationResult>;
  /** The turn recorded with version `seq`, or null (to answer a retried message again). */
  turn(botId: string, threadId: string, seq: number): Promise<TurnRecord | null>;
}

/** One chat turn, written with the state version it produced. */
export interface TurnRecord {
  botId: string;
  threadId: string;
  /** The conversation version this turn produced: unique and increasing per thread. */
  seq: number;
  at: Date;
  channel: string;
  userText: string;
  /** Set when the turn answered an event (the widget opening) rather than text. */
  event?: 'welcome';
  /** The client's id for the message, when it sent one (retries are answered from this turn). */
  clientMessageId?: string;
  context: Record<string, unknown>;
  nlu: ParseResult | null;
  /** The intent that handled the message (after threshold, forcing and slot filling). */
  intentId: string | null;
  /** Its confidence, as the reply reported it. */
  confidence: number;
  fellBack: boolean;
  /** True when an intent was fulfilled and none waits for parameters. */
  complete: boolean;
  /** Required parameters the waiting intent still lacks. */
  missingParameters: string[];
  parameters: Record<string, unknown>;
  messages: BotMessage[];
  toolCall: ToolCallOutcome | null;
  /** A template or tool error, recorded for the admin; never shown to the person chatting. */
  error: string | null;
  latencyMs: number;
  /** True when this message started a fresh session (first message, or the thread was idle too long). */
  newSession?: boolean;
  /** How many compare-and-set conflicts this message lost before its write won. */
  conflicts?: number;
}

/** What a bot is made of at chat time: settings, intents, entities and its parser. */
export interface BotRuntime {
  botId: string;
  settings: BotSettings;
  intents: IntentDefinition[];
  entities: EntityDefinition[];
  /** Secret values tool-call headers may reference as `{{secrets.NAME}}`. */
  secrets: Record<string, string>;
  nlu: NluParser;
  /**
   * Lookup, regex and system entities in a text, without a model or an LLM: how forced
   * parameter values are checked as if they had been extracted.
   */
  extractEntities(text: string, options: ParseOptions): Promise<ExtractedEntity[]>;
}

export interface BotRuntimePort {
  /** Returns null when the bot does not exist. */
  get(botId: string): Promise<BotRuntime | null>;
}

export interface QuickReply {
  title: string;
  payload?: string;
}

export interface Button {
  title: string;
  payload?: string;
  url?: string;
}

export interface BotMessage {
  text: string;
  quickReplies?: QuickReply[];
  buttons?: Button[];
}

export interface ToolCallOutcome {
  method: string;
  url: string;
  status: number | null;
  ok: boolean;
  durationMs: number;
  error?: string;
  /** Machine-readable failure kind (`TIMEOUT`, `HTTP_STATUS`, `BLOCKED_ADDRESS` …); absent on success. */
  code?: string;
}
