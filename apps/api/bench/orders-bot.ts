// The bot bench:chat talks to: greeting, a slot-filling order status with a tool call, thanks.

export const ORDERS_BOT = {
  intents: [
    {
      intentId: 'greet',
      name: 'Greet',
      responses: ['Hi! How can I help?'],
      trainingData: ['hi', 'hello', 'hey there', 'good morning', 'hello bot', 'hiya'].map(
        (text) => ({ text }),
      ),
    },
    {
      intentId: 'thanks',
      name: 'Thanks',
      responses: ["You're welcome!"],
      trainingData: [
        'thanks',
        'thank you',
        'thanks a lot',
        'cheers',
        'much appreciated',
        'great thanks',
      ].map((text) => ({ text })),
    },
    {
      intentId: 'order_status',
      name: 'Order status',
      responses: ['Order {{parameters.order_number}} is {{result.status}}.'],
      parameters: [
        { name: 'order_number', entity: 'order_number', prompt: 'What is your order number?' },
      ],
      toolCall: { method: 'GET', url: 'TOOL_URL/orders/{{parameters.order_number}}' },
      trainingData: [
        'where is my order',
        'track my order',
        'order status please',
        'what is the status of my order',
        'has my order shipped',
        'where is order ORD-1234',
        'track order ORD-9876',
        'status of ORD-5555',
      ].map((text) => {
        const match = /ORD-\d+/.exec(text);
        return {
          text,
          entities: match
            ? [
                {
                  name: 'order_number',
                  value: match[0],
                  begin: match.index,
                  end: match.index + match[0].length,
                },
              ]
            : [],
        };
      }),
    },
    {
      intentId: 'cancel',
      name: 'Cancel',
      responses: ['Ok, cancelled.'],
      trainingData: ['cancel', 'stop', 'never mind', 'forget it'].map((text) => ({ text })),
    },
    { intentId: 'fallback', name: 'Fallback', responses: ["Sorry, I didn't get that."] },
  ],
  entities: [{ name: 'order_number', patterns: ['ORD-\\d{4}'] }],
};

export const CONVERSATION = ['hello', 'where is my order', 'it is ORD-4242', 'thanks'];
