import { readEvents, ZWebhookBody } from './webhook-events.js';

const user = { id: '1001' };
const page = { id: '42' };

describe('readEvents', () => {
  it('reads every event of every entry, in order, and tells what each one is', () => {
    const body = ZWebhookBody.parse({
      object: 'page',
      entry: [
        {
          id: '42',
          time: 1,
          messaging: [
            { sender: user, recipient: page, timestamp: 10, message: { mid: 'm1', text: 'hi' } },
            {
              sender: user,
              recipient: page,
              timestamp: 11,
              message: { mid: 'm2', text: 'Yes', quick_reply: { payload: '/confirm' } },
            },
            {
              sender: user,
              recipient: page,
              timestamp: 12,
              message: { mid: 'm3', attachments: [{ type: 'image', payload: { url: 'x' } }] },
            },
          ],
        },
        {
          id: '42',
          time: 2,
          messaging: [
            {
              sender: page,
              recipient: user,
              timestamp: 13,
              message: { mid: 'm4', text: 'bot said', is_echo: true },
            },
            { sender: user, recipient: page, timestamp: 14, delivery: { mids: ['m4'] } },
            { sender: user, recipient: page, timestamp: 15, read: { watermark: 14 } },
            {
              sender: user,
              recipient: page,
              timestamp: 16,
              postback: { mid: 'm5', title: 'Start', payload: '/init_conversation' },
            },
            { sender: user, recipient: page, timestamp: 17, reaction: { emoji: '❤' } },
          ],
        },
      ],
    });
    expect(readEvents(body)).toEqual([
      { kind: 'text', eventId: 'm1', pageId: '42', senderId: '1001', timestamp: 10, text: 'hi' },
      {
        kind: 'payload',
        eventId: 'm2',
        pageId: '42',
        senderId: '1001',
        timestamp: 11,
        text: '/confirm',
      },
      {
        kind: 'attachment',
        eventId: 'm3',
        pageId: '42',
        senderId: '1001',
        timestamp: 12,
        text: '',
      },
      { kind: 'echo', pageId: '42' },
      { kind: 'delivery', pageId: '42' },
      { kind: 'read', pageId: '42' },
      {
        kind: 'payload',
        eventId: 'm5',
        pageId: '42',
        senderId: '1001',
        timestamp: 16,
        text: '/init_conversation',
      },
      { kind: 'unsupported', pageId: '42' },
    ]);
  });

  it('gives a postback without mid the same id on every delivery, and another tap another id', () => {
    const tap = (timestamp: number) =>
      readEvents(
        ZWebhookBody.parse({
          object: 'page',
          entry: [
            {
              id: '42',
              messaging: [
                { sender: user, recipient: page, timestamp, postback: { payload: 'GO' } },
              ],
            },
          ],
        }),
      )[0];
    const first = tap(100);
    expect(first).toMatchObject({ kind: 'payload', text: 'GO' });
    expect(tap(100)).toEqual(first);
    expect(tap(101)).not.toEqual(first);
  });
});
