/**
 * ai-chatbot-framework's order status example in its export format (`examples/order_status.json`,
 * written again for the tests): Jinja templates (a random list with the export's stray
 * whitespace and byte-order mark, `context["…"]`, `parameters['…']`), a tool call with a
 * header, a parameter prompt, annotated spans. `origin` is where the order API listens.
 */
export function acfOrderStatusBot(origin = 'http://127.0.0.1:18999') {
  return {
    intents: [
      {
        name: 'Default Fallback intent',
        userDefined: false,
        intentId: 'fallback',
        apiTrigger: false,
        apiDetails: null,
        speechResponse:
          '{{ \n\n[\n    "Sorry ### I did not get that.",\n    "Sorry ### Can you say that differently?"\n] | random \n\n}}\uFEFF\n\n',
        parameters: [],
        labeledSentences: [],
        trainingData: [],
      },
      {
        name: 'cancel',
        userDefined: false,
        intentId: 'cancel',
        apiTrigger: false,
        apiDetails: null,
        speechResponse: 'Ok. Canceled.',
        parameters: [],
        trainingData: ['i want to cancel', 'cancel that', 'cancel', 'stop it', 'forget it'].map(
          (text) => ({ text, entities: [] }),
        ),
      },
      {
        name: 'Welcome message',
        userDefined: false,
        intentId: 'init_conversation',
        apiTrigger: false,
        apiDetails: null,
        speechResponse: 'Hi {{context["username"] }} ### What can i do for you ?',
        parameters: [],
        trainingData: [
          'hello there',
          'hey there',
          'hii',
          'heyy',
          'howdy',
          'hey',
          'hello',
          'hi',
        ].map((text) => ({ text, entities: [] })),
      },
      {
        name: 'Check Order Status',
        userDefined: true,
        intentId: 'check_order_status',
        apiTrigger: true,
        apiDetails: {
          url: `${origin}/api/orders/status?order_id={{ parameters['order_number'] }}`,
          requestType: 'GET',
          headers: [{ headerKey: 'X-Shop', headerValue: 'parley' }],
          isJson: false,
          jsonData: '',
        },
        speechResponse:
          'Let me check the status of order {{ parameters.order_number }} ###\n  Your order status is {{ result.status }}.',
        parameters: [
          {
            name: 'order_number',
            required: true,
            type: 'order_number',
            prompt: 'Sure ### Can you please give me your order number ?',
          },
        ],
        trainingData: [
          ['my order number is ORD113134', 'ORD113134'],
          ['What is my order status', null],
          ['I want to know about order ORD123456', 'ORD123456'],
          ['Can you check order ORD789012 for me ?', 'ORD789012'],
          ['Where is my order ORD123456 ?', 'ORD123456'],
          ['Track order ORDER789012', 'ORDER789012'],
          ["What's the status of my order ORD123456 ?", 'ORD123456'],
          ['Tell me order status', null],
        ].map(([text, value]) => annotated(text!, value ?? null)),
      },
    ],
    entities: [{ name: 'order_number', entity_values: [] }],
  };
}

function annotated(text: string, value: string | null) {
  const begin = value ? text.indexOf(value) : -1;
  return {
    text,
    entities: value ? [{ name: 'order_number', value, begin, end: begin + value.length }] : [],
  };
}
