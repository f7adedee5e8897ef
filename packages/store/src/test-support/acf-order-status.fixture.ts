/**
 * An ai-chatbot-framework export in the shape of its `examples/order_status.json`
 * (written for these tests): Jinja templates, a random list, a tool call, annotated spans.
 */
export function acfOrderStatusBot(toolUrl = 'http://127.0.0.1:18999/api/orders/status') {
  return {
    intents: [
      {
        name: 'Default Fallback intent',
        userDefined: false,
        intentId: 'fallback',
        apiTrigger: false,
        apiDetails: null,
        speechResponse:
          '{{ \n\n[\n    "Sorry ### I did not get that.",\n    "Can you say that differently?"\n] | random \n\n}}\uFEFF\n\n',
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
        trainingData: [
          { text: 'cancel that', entities: [] },
          { text: 'stop', entities: [] },
        ],
      },
      {
        name: 'Welcome message',
        userDefined: false,
        intentId: 'init_conversation',
        apiTrigger: false,
        speechResponse: 'Hi {{context["username"] }} ### How can I help?',
        trainingData: [
          { text: 'hello', entities: [] },
          { text: 'hi there', entities: [] },
        ],
      },
      {
        name: 'Check Order Status',
        userDefined: true,
        intentId: 'check_order_status',
        apiTrigger: true,
        apiDetails: {
          url: `${toolUrl}?order_id={{ parameters['order_number'] }}`,
          requestType: 'GET',
          headers: [{ headerKey: 'X-Shop', headerValue: 'parley' }],
          isJson: false,
          jsonData: '',
        },
        speechResponse:
          'Let me check order {{ parameters.order_number }} ###\n  Your order status is <b>{{ result.status }}</b>.',
        parameters: [
          {
            name: 'order_number',
            required: true,
            type: 'order_number',
            prompt: 'Sure ### What is your order number?',
          },
        ],
        trainingData: [
          {
            text: 'my order number is ORD113134',
            entities: [{ value: 'ORD113134', begin: 19, end: 28, name: 'order_number' }],
          },
          { text: 'What is my order status', entities: [] },
          {
            text: 'Where is my order ORD123456 ?',
            entities: [{ value: 'ORD123456', begin: 18, end: 27, name: 'order_number' }],
          },
          {
            text: 'Track order ORD789012',
            entities: [{ value: 'ORD789012', begin: 12, end: 21, name: 'order_number' }],
          },
        ],
      },
    ],
    entities: [{ name: 'order_number', entity_values: [] }],
  };
}
