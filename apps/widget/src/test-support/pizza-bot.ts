const examples = (texts: string[]) => texts.map((text) => ({ text }));

/** Hostile text a bot might say (from a tool result or a careless template). */
export const HOSTILE_REPLY =
  'Look <img src=x onerror="window.__pwned=1"> and javascript:window.__pwned=2 or https://safe.example/menu?a=1&b=2.';

/**
 * A small bot: the welcome offers quick replies that fill the order's size (a forced intent
 * with a parameter, as a payload the bot itself offered), then the bot asks for the topping.
 */
export const PIZZA_BOT = {
  format: 'parley',
  version: 1,
  intents: [
    {
      intentId: 'fallback',
      name: 'Fallback',
      userDefined: false,
      responses: ['Sorry, I did not get that.'],
    },
    {
      intentId: 'init_conversation',
      name: 'Welcome',
      userDefined: false,
      responses: ['Hi {{context.username}}! ### What would you like?'],
      quickReplies: [
        { title: 'Large pizza', payload: '/order_pizza{"size":"large"}' },
        { title: 'Small pizza', payload: '/order_pizza{"size":"small"}' },
      ],
      buttons: [
        { title: 'Our menu', url: 'https://safe.example/menu' },
        { title: 'Evil link', url: 'javascript:window.__pwned=3' },
      ],
      trainingData: examples(['hello', 'hi there', 'good morning', 'hey', 'hiya']),
    },
    {
      intentId: 'order_pizza',
      name: 'Order a pizza',
      responses: ['One {{parameters.size}} {{parameters.topping}} pizza coming up.'],
      parameters: [
        { name: 'size', entity: 'size', prompt: 'Which size?' },
        { name: 'topping', entity: 'topping', prompt: 'Which topping would you like?' },
      ],
      trainingData: examples([
        'i want a pizza',
        'order a pizza',
        'can i get a pizza please',
        'pizza please',
        'i would like to order pizza',
      ]),
    },
    {
      intentId: 'weird',
      name: 'Something weird',
      responses: [HOSTILE_REPLY],
      trainingData: examples([
        'show me something weird',
        'something weird',
        'tell me something strange',
        'say something odd',
        'weird stuff please',
      ]),
    },
  ],
  entities: [
    {
      name: 'size',
      values: [
        { value: 'large', synonyms: ['big'] },
        { value: 'small', synonyms: [] },
      ],
    },
    {
      name: 'topping',
      values: [
        { value: 'mushroom', synonyms: ['mushrooms'] },
        { value: 'pepperoni', synonyms: [] },
      ],
    },
  ],
};
