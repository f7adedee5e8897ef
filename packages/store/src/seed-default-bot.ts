import type { IntentDefinitionInput } from '@parley/domain';
import type { Store } from './store.js';
import { DuplicateKeyError } from './errors.js';

export const DEFAULT_BOT_ID = 'default';

/** The built-in intents ai-chatbot-framework ships with every bot. */
export const BUILT_IN_INTENTS: IntentDefinitionInput[] = [
  {
    intentId: 'fallback',
    name: 'Default Fallback intent',
    userDefined: false,
    responses: [
      "Sorry ### I'm having trouble understanding you.",
      "Hmm ### I can't handle that yet.",
      'Can you please re-phrase your query?',
    ],
  },
  {
    intentId: 'cancel',
    name: 'cancel',
    userDefined: false,
    responses: ['Ok. Canceled.'],
    trainingData: [{ text: 'i want to cancel' }, { text: 'cancel that' }, { text: 'cancel' }],
  },
  {
    intentId: 'init_conversation',
    name: 'Welcome message',
    userDefined: false,
    responses: ['Hi {{default context.username "there"}} ### What can I do for you?'],
    trainingData: ['hello there', 'hey there', 'hii', 'heyy', 'howdy', 'hey', 'hello', 'hi'].map(
      (text) => ({ text }),
    ),
  },
];

/**
 * Creates the default bot with the built-in intents on first start. Returns false when it
 * already existed (another instance may have created it at the same moment).
 */
export async function seedDefaultBot(store: Pick<Store, 'bots' | 'intents'>): Promise<boolean> {
  if (await store.bots.get(DEFAULT_BOT_ID)) return false;
  try {
    await store.bots.create({ name: 'Default bot' }, DEFAULT_BOT_ID);
  } catch (error) {
    if (error instanceof DuplicateKeyError) return false;
    throw error;
  }
  for (const intent of BUILT_IN_INTENTS) {
    try {
      await store.intents.create(DEFAULT_BOT_ID, intent);
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
  return true;
}
