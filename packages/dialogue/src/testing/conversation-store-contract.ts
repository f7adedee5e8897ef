import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConversationStore, TurnRecord } from '../ports.js';

interface Harness {
  store: ConversationStore<unknown>;
  /** Releases what `make` opened. */
  close?: () => Promise<void>;
}

/** A turn record for version `seq` of a thread, with the fields a store must keep. */
export function sampleTurn(botId: string, threadId: string, seq: number): TurnRecord {
  return {
    botId,
    threadId,
    seq,
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)),
    channel: 'rest',
    userText: `message ${seq}`,
    clientMessageId: `m-${seq}`,
    context: { 'dotted.key': seq },
    nlu: null,
    intentId: 'greet',
    confidence: 0.9,
    fellBack: false,
    complete: true,
    missingParameters: [],
    parameters: {},
    messages: [{ text: `reply ${seq}`, quickReplies: [{ title: 'Yes', payload: '/yes' }] }],
    toolCall: null,
    error: null,
    latencyMs: 3,
  };
}

/**
 * The contract every `ConversationStore` keeps: compare-and-set versions, the turn written with
 * its version, no lost or doubled turn under racing writers, and reads that survive many
 * versions. Run it against each implementation with jest globals.
 *
 * @example describeConversationStore('memory', async () => ({ store: createMemoryConversationStore() }));
 */
export function describeConversationStore(name: string, make: () => Promise<Harness>): void {
  describe(`ConversationStore contract: ${name}`, () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await make();
    });
    afterAll(async () => {
      await harness.close?.();
    });
    const thread = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;

    it('starts empty, saves version 1 with its turn, and reads both back', async () => {
      const { store } = harness;
      const t = thread('first');
      expect(await store.load('bot', t)).toBeNull();
      const saved = await store.save(
        'bot',
        t,
        0,
        { step: 1, 'a.b': { $x: 1 } },
        sampleTurn('bot', t, 1),
      );
      expect(saved).toEqual({ ok: true, version: 1 });
      const loaded = await store.load('bot', t);
      expect(loaded).toMatchObject({ version: 1, state: { step: 1, 'a.b': { $x: 1 } } });
      expect(await store.turn('bot', t, 1)).toMatchObject({
        seq: 1,
        userText: 'message 1',
        context: { 'dotted.key': 1 },
        messages: [{ text: 'reply 1', quickReplies: [{ title: 'Yes', payload: '/yes' }] }],
      });
      expect(await store.turn('bot', t, 2)).toBeNull();
    });

    it('refuses a save from a stale version, and keeps the winner', async () => {
      const { store } = harness;
      const t = thread('stale');
      await store.save('bot', t, 0, { n: 1 }, sampleTurn('bot', t, 1));
      expect(await store.save('bot', t, 0, { n: 'loser' }, sampleTurn('bot', t, 1))).toEqual({
        ok: false,
        reason: 'conflict',
      });
      expect((await store.load('bot', t))?.state).toEqual({ n: 1 });
    });

    it('lets exactly one of racing writers win each version', async () => {
      const { store } = harness;
      const t = thread('race');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.save('bot', t, 0, { who: i }, sampleTurn('bot', t, 1)),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const winner = results.findIndex((r) => r.ok);
      expect((await store.load('bot', t))?.state).toEqual({ who: winner });
    });

    it('reads the newest of many versions, and every turn of them', async () => {
      const { store } = harness;
      const t = thread('long');
      for (let version = 0; version < 40; version += 1)
        expect(
          (
            await store.save(
              'bot',
              t,
              version,
              { n: version + 1 },
              sampleTurn('bot', t, version + 1),
            )
          ).ok,
        ).toBe(true);
      expect(await store.load('bot', t)).toMatchObject({ version: 40, state: { n: 40 } });
      expect(await store.save('bot', t, 12, { n: 'old' }, sampleTurn('bot', t, 13))).toMatchObject({
        ok: false,
      });
      for (const seq of [1, 10, 11, 25, 40])
        expect((await store.turn('bot', t, seq))?.userText).toBe(`message ${seq}`);
    });

    it('keeps threads and bots apart', async () => {
      const { store } = harness;
      const t = thread('apart');
      await store.save('bot', t, 0, { mine: true }, sampleTurn('bot', t, 1));
      expect(await store.load('other-bot', t)).toBeNull();
      expect(await store.load('bot', `${t}-x`)).toBeNull();
    });
  });
}
