import { describeConversationStore } from './conversation-store-contract.js';
import { createMemoryConversationStore } from './memory-conversation-store.js';

describeConversationStore('memory', async () => ({ store: createMemoryConversationStore() }));
