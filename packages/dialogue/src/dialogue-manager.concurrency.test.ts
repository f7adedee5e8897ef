import type { ConversationState } from './conversation-state.js';
import { createDialogueManager } from './dialogue-manager.js';
import type { ConversationStore } from './ports.js';
import { createMemoryConversationStore } from './testing/memory-conversation-store.js';
import type { ToolCaller } from './tools/http-tool-caller.js';
import { createKeywordParser } from './testing/keyword-parser.js';
import { createTestDialogue } from './testing/test-bot.js';

const nlu = createKeywordParser({
  intents: [
    { intent: 'greet', keywords: ['hello'] },
    { intent: 'ping', keywords: ['ping'] },
  ],
});
const intents = [
  { intentId: 'greet', name: 'Greet', responses: ['Hello #{{context.n}}'] },
  {
    intentId: 'ping',
    name: 'Ping',
    toolCall: { method: 'POST' as const, url: 'https://api.example.com/ping' },
    responses: ['pong'],
  },
];
const jitter = () => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 3));

describe('createDialogueManager under concurrency', () => {
  it('lets fifty concurrent messages on one thread wait their turn: fifty turns, no race', async () => {
    const { dialogue, turns, conversations } = createTestDialogue({
      intents,
      nlu,
      memory: { latency: jitter },
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        dialogue.handleMessage({
          botId: 'bot-1',
          threadId: 't-1',
          text: `hello ${n}`,
          context: { [`k${n}`]: n, n },
          channel: 'test',
        }),
      ),
    );

    expect(results.every((result) => result.ok)).toBe(true);
    const logged = turns.list('bot-1', 't-1');
    expect(logged).toHaveLength(50);
    expect(logged.map((turn) => turn.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(new Set(logged.map((turn) => turn.userText)).size).toBe(50);
    // One instance serializes a thread's messages: nobody spins on compare-and-set.
    expect(logged.every((turn) => turn.conflicts === 0)).toBe(true);

    const stored = conversations.peek('bot-1', 't-1');
    expect(stored?.version).toBe(50);
    // No lost update: every message's context key made it into the final state.
    for (let n = 0; n < 50; n += 1) expect(stored?.state.context[`k${n}`]).toBe(n);
    // Each reply rendered the context it was processed against: its own `n`, since it merged last.
    for (const [n, result] of results.entries()) {
      if (result.ok) expect(result.reply.messages).toEqual([{ text: `Hello #${n}` }]);
    }
  });

  it('keeps every message when two instances race on one thread (compare-and-set)', async () => {
    const {
      dialogue: first,
      bot,
      turns,
      conversations,
    } = createTestDialogue({
      intents,
      nlu,
      memory: { latency: jitter },
    });
    const second = createDialogueManager({
      bots: { get: async () => bot },
      conversations,
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        (n % 2 ? first : second).handleMessage({
          botId: 'bot-1',
          threadId: 't-1',
          text: `hello ${n}`,
          context: { [`k${n}`]: n },
          channel: 'test',
        }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const logged = turns.list('bot-1', 't-1');
    expect(logged.map((turn) => turn.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(logged.some((turn) => (turn.conflicts ?? 0) > 0)).toBe(true);
    const stored = conversations.peek('bot-1', 't-1');
    for (let n = 0; n < 40; n += 1) expect(stored?.state.context[`k${n}`]).toBe(n);
  });

  it('answers a message sent again with its client id from its first turn', async () => {
    const calls: string[] = [];
    const toolCaller: ToolCaller = {
      async call(request) {
        calls.push(request.url);
        return { ok: true, status: 200, data: {}, durationMs: 1 };
      },
    };
    const { dialogue, turns } = createTestDialogue({ intents, nlu, deps: { toolCaller } });
    const send = () =>
      dialogue.handleMessage({
        botId: 'bot-1',
        threadId: 't-1',
        text: 'ping',
        channel: 'test',
        clientMessageId: 'msg-1',
      });
    const [a, b] = await Promise.all([send(), send()]);
    const again = await send();
    expect([a, b, again].map((r) => r.ok && r.reply.seq)).toEqual([1, 1, 1]);
    expect(again).toMatchObject({ ok: true, reply: { messages: [{ text: 'pong' }] } });
    expect(turns.list('bot-1', 't-1')).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('does not repeat a tool call when a message is re-processed after a conflict', async () => {
    const calls: string[] = [];
    const toolCaller: ToolCaller = {
      async call(request) {
        calls.push(request.url);
        return { ok: true, status: 200, data: {}, durationMs: 1 };
      },
    };
    const memory = createMemoryConversationStore<ConversationState>();
    let saves = 0;
    const conversations: ConversationStore<ConversationState> = {
      load: memory.load,
      turn: memory.turn,
      // The first write loses, as if another message had just been saved.
      save: async (...args) =>
        saves++ === 0 ? { ok: false, reason: 'conflict' } : memory.save(...args),
    };
    const { dialogue } = createTestDialogue({
      intents,
      nlu,
      deps: { toolCaller, conversations },
    });
    const result = await dialogue.handleMessage({
      botId: 'bot-1',
      threadId: 't-1',
      text: 'ping',
      channel: 'test',
    });
    expect(result).toMatchObject({ ok: true, reply: { messages: [{ text: 'pong' }] } });
    expect(saves).toBe(2);
    expect(calls).toEqual(['https://api.example.com/ping']);
    expect(memory.list('bot-1', 't-1')).toEqual([
      expect.objectContaining({ seq: 1, conflicts: 1 }),
    ]);
  });

  it('answers CONVERSATION_BUSY when it keeps losing the race', async () => {
    const { dialogue } = createTestDialogue({
      intents,
      nlu,
      deps: {
        maxConflictRetries: 2,
        conversations: {
          load: async () => null,
          save: async () => ({ ok: false, reason: 'conflict' }),
          turn: async () => null,
        },
      },
    });
    const result = await dialogue.handleMessage({
      botId: 'bot-1',
      threadId: 't-1',
      text: 'hello',
      channel: 'test',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONVERSATION_BUSY' } });
  });
});
