import { toOutgoingMessages } from './outgoing-messages.js';

describe('toOutgoingMessages', () => {
  it('sends one message per reply message, in order', () => {
    const { messages, warnings } = toOutgoingMessages([
      { text: 'Hi there' },
      { text: 'What can I do?' },
    ]);
    expect(messages).toEqual([{ text: 'Hi there' }, { text: 'What can I do?' }]);
    expect(warnings).toEqual([]);
  });

  it('splits a 2,500-character reply into two messages and puts quick replies on the last', () => {
    const text = Array.from({ length: 500 }, (_, i) => `w${i}`.padEnd(4, 'x')).join(' ');
    expect(text.length).toBeGreaterThan(2400);
    const { messages } = toOutgoingMessages([
      { text, quickReplies: [{ title: 'Yes', payload: '/confirm' }, { title: 'No' }] },
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).not.toHaveProperty('quick_replies');
    expect(messages[1]!.quick_replies).toEqual([
      { content_type: 'text', title: 'Yes', payload: '/confirm' },
      { content_type: 'text', title: 'No', payload: 'No' },
    ]);
    expect(messages.map((m) => ('text' in m ? m.text : '')).join(' ')).toBe(text);
  });

  it('keeps 13 quick replies with titles of at most 20 characters and says what it cut', () => {
    const quickReplies = Array.from({ length: 15 }, (_, i) => ({
      title: `A rather long option number ${i}`,
      payload: `/pick{"n":${i}}`,
    }));
    const { messages, warnings } = toOutgoingMessages([{ text: 'Pick one', quickReplies }]);
    const sent = messages[0]!.quick_replies!;
    expect(sent).toHaveLength(13);
    for (const quickReply of sent) expect(quickReply.title.length).toBeLessThanOrEqual(20);
    expect(sent[0]!.payload).toBe('/pick{"n":0}');
    expect(warnings).toContain('only the first 13 of 15 quick replies were sent');
    expect(
      warnings.some((w) => w.includes('quick reply title "A rather long option number 0"')),
    ).toBe(true);
  });

  it('sends buttons as a button template of at most three buttons', () => {
    const { messages, warnings } = toOutgoingMessages([
      {
        text: 'Where to?',
        buttons: [
          { title: 'Docs', url: 'https://example.com/docs' },
          { title: 'Order status', payload: '/check_order' },
          { title: 'Talk to a human' },
          { title: 'Fourth' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        attachment: {
          type: 'template',
          payload: {
            template_type: 'button',
            text: 'Where to?',
            buttons: [
              { type: 'web_url', title: 'Docs', url: 'https://example.com/docs' },
              { type: 'postback', title: 'Order status', payload: '/check_order' },
              { type: 'postback', title: 'Talk to a human', payload: 'Talk to a human' },
            ],
          },
        },
      },
    ]);
    expect(warnings).toEqual(['only the first 3 of 4 buttons were sent']);
  });

  it('drops empty messages, saying so when they had quick replies', () => {
    const { messages, warnings } = toOutgoingMessages([
      { text: '  ' },
      { text: '', quickReplies: [{ title: 'Yes' }] },
      { text: 'ok' },
    ]);
    expect(messages).toEqual([{ text: 'ok' }]);
    expect(warnings).toEqual(['a message with buttons or quick replies but no text was not sent']);
  });
});
