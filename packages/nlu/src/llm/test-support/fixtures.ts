import type { LlmBot } from '../llm-types.js';

/** A small restaurant bot: three intents, one lookup entity with synonyms, one pattern entity. */
export const RESTAURANT_BOT: LlmBot = {
  intents: [
    {
      intentId: 'book_table',
      name: 'Book a table',
      description: 'The user wants to reserve a table',
      trainingData: [{ text: 'book a table in Paris' }, { text: 'reserve for two tonight' }],
      parameters: [
        { name: 'city', entity: 'city', prompt: 'In which city?' },
        { name: 'guests', entity: 'sys.number', prompt: 'For how many?' },
      ],
    },
    {
      intentId: 'greet',
      name: 'Greeting',
      trainingData: [{ text: 'hello' }, { text: 'hi there' }],
    },
    {
      intentId: 'order_status',
      name: 'Order status',
      trainingData: [{ text: 'where is order AB-12345' }],
    },
    { intentId: 'fallback', name: 'Fallback' },
  ],
  entities: [
    {
      name: 'city',
      values: [
        { value: 'New York', synonyms: ['NYC', 'big apple'] },
        { value: 'Paris', synonyms: [] },
      ],
    },
    { name: 'order_number', patterns: ['[A-Z]{2}-\\d{5}'] },
    { name: 'cuisine', values: [{ value: 'italian', synonyms: ['pasta'] }], allowUnlisted: true },
  ],
};

/** A reply as the model would write it. */
export function replyJson(
  intent: string,
  entities: Array<{ type: string; text: string; value: string }> = [],
  confidence = 0.9,
): string {
  return JSON.stringify({ intent, entities, confidence });
}
