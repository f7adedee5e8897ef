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
 * Where conversation state lives. `save` is a compare-and-set: it succeeds only when the
 * stored version still equals `expectedVersion` (0 creates the document), and then the
 * version becomes `expectedVersion + 1`. A lost race is reported, never overwritten.
 */
export interface ConversationStatePort<State> {
  load(botId: string, threadId: string): Promise<StoredConversation<State> | null>;
  save(
    botId: string,
    threadId: string,
    expectedVersion: number,
    state: State,
  ): Promise<SaveConversationResult>;
}

/** One chat turn, appended once the state write that produced it has won. */
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
  context: Record<string, unknown>;
  nlu: ParseResult | null;
  /** The intent that handled the message (after threshold, forcing and slot filling). */
  intentId: string | null;
  fellBack: boolean;
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

export interface TurnLogPort {
  append(turn: TurnRecord): Promise<void>;
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
