import type { ExtractedEntity, JsonValue, ParseResult } from '@parley/nlu';
import type { BotMessage } from './ports.js';

/** A message from a channel adapter. */
export interface UserMessage {
  botId: string;
  threadId: string;
  text: string;
  /** Merged into the thread's context (top-level keys replace earlier values); templates see it. */
  context?: Record<string, unknown>;
  /** `rest`, `widget`, `messenger` … recorded on the turn. */
  channel: string;
  /**
   * Which `/intent_id{…}` texts may force an intent. `offered` (the default, for end users):
   * only a payload the bot itself offered in this thread, or the welcome intent without
   * parameters. `any`: every one (the admin's test chat, or a channel that allows it).
   */
  forcing?: ForcingPolicy;
  /** `welcome`: the conversation opens (a widget was opened); the bot's welcome intent answers. */
  event?: 'welcome';
  /**
   * The client's id for this message. When it is the thread's last message's id (a retry after
   * a lost answer), the first reply is returned again and nothing is processed or recorded.
   */
  clientMessageId?: string;
}

export type ForcingPolicy = 'any' | 'offered';

/** What the bot says back, with what the REST channel returns next to the messages. */
export interface DialogueReply {
  botId: string;
  threadId: string;
  messages: BotMessage[];
  /** The intent that handled the message; null for a clarifying question. */
  intent: { name: string; confidence: number } | null;
  /** Entities the NLU extracted from this message (empty for forced intents). */
  entities: ExtractedEntity[];
  /** True when an intent was fulfilled this turn and no intent is waiting for parameters. */
  complete: boolean;
  /** Required parameters the waiting intent still lacks, in the order they will be asked. */
  missingParameters: string[];
  /** The handling intent's parameter values so far. */
  parameters: Record<string, JsonValue>;
  /** The thread's context after this message. */
  context: Record<string, unknown>;
  fellBack: boolean;
  nlu: ParseResult | null;
  /** The turn's sequence number (the conversation version this message produced). */
  seq: number;
}

export type DialogueErrorCode = 'BOT_NOT_FOUND' | 'CONVERSATION_BUSY' | 'CONTEXT_TOO_LARGE';

/** `handleMessage`'s result: a reply, or an expected failure as a value. */
export type HandleMessageResult =
  | { ok: true; reply: DialogueReply }
  | { ok: false; error: { code: DialogueErrorCode; message: string } };
