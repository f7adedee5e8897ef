// Test doubles and shared contract suites, for packages and apps that test with the dialogue.
export {
  createMemoryConversationStore,
  type MemoryConversationStore,
  type MemoryConversationStoreOptions,
} from './testing/memory-conversation-store.js';
export { describeConversationStore, sampleTurn } from './testing/conversation-store-contract.js';
export {
  createKeywordParser,
  type KeywordParserTable,
  type KeywordRule,
} from './testing/keyword-parser.js';
export { createTestDialogue, type TestBotOptions } from './testing/test-bot.js';
