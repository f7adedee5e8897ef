import { createKeywordParser } from '../testing/keyword-parser.js';
import { createTestDialogue } from '../testing/test-bot.js';

const nlu = createKeywordParser({
  intents: [{ intent: 'track_order', keywords: ['track', 'order'] }],
  entities: {},
});

describe('answering a learnt-only entity with one word', () => {
  const intents = [
    {
      intentId: 'track_order',
      name: 'Track order',
      parameters: [{ name: 'order_number', entity: 'order_number', prompt: 'Your order number?' }],
      responses: ['Tracking {{parameters.order_number}}.'],
    },
  ];

  it('takes a bare value for an entity that has no values or patterns', async () => {
    const { texts } = createTestDialogue({ intents, nlu, entities: [{ name: 'order_number' }] });
    expect(await texts('track my parcel')).toEqual(['Your order number?']);
    expect(await texts('ORD123456')).toEqual(['Tracking ORD123456.']);
  });

  it('still asks again when the answer is a sentence without the entity', async () => {
    const { texts } = createTestDialogue({ intents, nlu, entities: [{ name: 'order_number' }] });
    await texts('track my parcel');
    expect(await texts('i do not know it')).toEqual(['Your order number?']);
  });

  it('does not guess for an entity with lookup values', async () => {
    const { texts } = createTestDialogue({
      intents,
      nlu,
      entities: [{ name: 'order_number', values: [{ value: 'A1', synonyms: [] }] }],
    });
    await texts('track my parcel');
    expect(await texts('ORD123456')).toEqual(['Your order number?']);
  });
});
