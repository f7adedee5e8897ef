import { useTestStore } from '../test-support/test-database.js';
import type { NewWebhookEvent } from './webhook-events.repository.js';

const event = (eventId: string, threadId: string, timestamp: number): NewWebhookEvent => ({
  botId: 'bot',
  channel: 'messenger',
  eventId,
  threadId,
  timestamp,
  data: { kind: 'text', text: `message ${eventId}`, 'key.with.dots': true },
});

describe('WebhookEventRepository', () => {
  const store = useTestStore();

  it('records an event id once per bot and channel', async () => {
    const events = store().webhookEvents;
    const first = await events.record(event('mid.1', 't1', 1));
    expect(first).toMatchObject({ isNew: true, pending: true });
    expect(await events.record(event('mid.1', 't1', 1))).toEqual({ ...first, isNew: false });
    expect((await events.record({ ...event('mid.1', 't1', 1), botId: 'other' })).isNew).toBe(true);
    expect((await events.getPending(first.id))?.data).toEqual(event('mid.1', 't1', 1).data);
  });

  it('lists a thread’s queued events oldest first and forgets finished ones', async () => {
    const events = store().webhookEvents;
    const late = await events.record(event('mid.late', 'order', 300));
    const early = await events.record(event('mid.early', 'order', 100));
    await events.record(event('mid.elsewhere', 'other-thread', 200));
    const queued = await events.queuedForThread('bot', 'messenger', 'order');
    expect(queued.map((item) => item.id)).toEqual([early.id, late.id]);

    await events.finish(early.id, 'done');
    expect((await events.queuedForThread('bot', 'messenger', 'order')).map((q) => q.id)).toEqual([
      late.id,
    ]);
    expect(await events.getPending(early.id)).toBeNull();
    expect(await events.get(early.id)).toMatchObject({
      status: 'done',
      error: null,
      data: event('mid.early', 'order', 100).data,
    });
    // A redelivery of a finished event is not queued again.
    expect(await events.record(event('mid.early', 'order', 100))).toMatchObject({
      isNew: false,
      pending: false,
    });
    expect(await events.queuedForThread('bot', 'messenger', 'order')).toHaveLength(1);
  });

  it('queues a redelivered event whose first delivery was recorded but never queued', async () => {
    const events = store().webhookEvents;
    const recorded = await events.record(event('mid.crash', 'crash', 1));
    // As if the process died between the two inserts.
    await store()
      .db.collection('webhookQueue')
      .deleteOne({ _id: recorded.id } as never);
    expect(await events.get(recorded.id)).toMatchObject({ status: 'pending' });
    expect(await events.queuedForThread('bot', 'messenger', 'crash')).toEqual([]);
    expect(await events.record(event('mid.crash', 'crash', 1))).toMatchObject({
      isNew: false,
      pending: true,
    });
    expect(await events.queuedForThread('bot', 'messenger', 'crash')).toHaveLength(1);
  });

  it('keeps the outbox, the sent message ids and the attempts of a queued event', async () => {
    const events = store().webhookEvents;
    const { id } = await events.record(event('mid.out', 'out', 1));
    expect(await events.startAttempt(id)).toBe(1);
    expect(await events.startAttempt(id)).toBe(2);
    await events.saveOutbox(id, [{ text: 'one' }, { text: 'two', 'odd.key': 1 }]);
    await events.markSent(id, 0, 'm_1');
    expect(await events.getPending(id)).toMatchObject({
      attempts: 2,
      outbox: [{ text: 'one' }, { text: 'two', 'odd.key': 1 }],
      sentIds: ['m_1', null],
    });
    await events.postpone(id, new Date(Date.now() + 60_000), 'Graph unavailable');
    const [queued] = await events.queuedForThread('bot', 'messenger', 'out');
    expect(queued?.retryAt?.getTime()).toBeGreaterThan(Date.now());
    expect((await events.getPending(id))?.error).toBe('Graph unavailable');
    await events.finish(id, 'failed', 'Graph said no');
    expect(await events.get(id)).toMatchObject({ status: 'failed', error: 'Graph said no' });
    expect(await events.startAttempt(id)).toBe(0); // finished: nothing left to count
  });

  it('lists queued events received before a date, and deletes old finished events only', async () => {
    const events = store().webhookEvents;
    const before = await events.queuedBefore(new Date(Date.now() + 1000), 100);
    expect(before.length).toBeGreaterThan(0);
    expect(await events.queuedBefore(new Date(Date.now() - 60_000), 100)).toEqual([]);
    const deleted = await events.deleteFinishedBefore(new Date(Date.now() + 1000));
    expect(deleted).toBe(2); // mid.early (done) and mid.out (failed)
    for (const item of before) expect((await events.get(item.id))?.status).toBe('pending');
    expect(await events.get(JSON.stringify(['bot', 'messenger', 'mid.early']))).toBeNull();
  });
});
