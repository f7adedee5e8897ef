import {
  ZBotSettings,
  ZEntityDefinition,
  ZIntentDefinition,
  type BotSettingsInput,
  type IntentDefinitionInput,
} from '@parley/domain';
import { createEntityParser, type NluParser } from '@parley/nlu';
import type { z } from 'zod';
import type { ConversationState } from '../conversation-state.js';
import { createDialogueManager, type DialogueManagerDeps } from '../dialogue-manager.js';
import type { BotRuntime } from '../ports.js';
import type { ForcingPolicy } from '../types.js';
import {
  createMemoryConversationStore,
  type MemoryConversationStoreOptions,
} from './memory-conversation-store.js';

export interface TestBotOptions {
  intents: IntentDefinitionInput[];
  nlu: NluParser;
  /** Custom entity definitions (lookup values, patterns); none by default. */
  entities?: Array<z.input<typeof ZEntityDefinition>>;
  settings?: Partial<BotSettingsInput>;
  secrets?: Record<string, string>;
  memory?: MemoryConversationStoreOptions;
  deps?: Partial<DialogueManagerDeps>;
}

/** A dialogue manager over in-memory ports and one bot `bot-1`, with a movable clock. */
export function createTestDialogue(options: TestBotOptions) {
  const entities = (options.entities ?? []).map((entity) => ZEntityDefinition.parse(entity));
  const extractors = createEntityParser(entities);
  const bot: BotRuntime = {
    botId: 'bot-1',
    settings: ZBotSettings.parse({ name: 'Test bot', ...options.settings }),
    intents: options.intents.map((intent) => ZIntentDefinition.parse(intent)),
    entities,
    secrets: options.secrets ?? {},
    nlu: options.nlu,
    extractEntities: async (text, parseOptions) =>
      (await extractors.parse(text, parseOptions)).entities,
  };
  const conversations = createMemoryConversationStore<ConversationState>(options.memory);
  /** The transcript, as the store keeps it. */
  const turns = { list: (botId: string, threadId: string) => conversations.list(botId, threadId) };
  const clock = { ms: Date.parse('2025-01-01T12:00:00Z') };
  const dialogue = createDialogueManager({
    bots: { get: async (botId) => (botId === bot.botId ? bot : null) },
    conversations,
    now: () => new Date(clock.ms),
    ...options.deps,
  });
  /** Sends a message on thread `t-1` (or the given one) and returns the reply, failing on an error value. */
  async function say(
    text: string,
    context?: Record<string, unknown>,
    threadId = 't-1',
    forcing: ForcingPolicy = 'any',
  ) {
    const result = await dialogue.handleMessage({
      botId: 'bot-1',
      threadId,
      text,
      context,
      channel: 'test',
      forcing,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.reply;
  }
  const texts = async (text: string, context?: Record<string, unknown>) =>
    (await say(text, context)).messages.map((m) => m.text);
  return { bot, dialogue, conversations, turns, clock, say, texts };
}
