import type { TrainingData } from '../types.js';

type Example = {
  text: string;
  entities: Array<{ name: string; value: string; begin: number; end: number }>;
};

/** An example whose entities are marked with [value](entity) in the text. */
export function ex(marked: string): Example {
  const entities: Example['entities'] = [];
  let text = '';
  let rest = marked;
  for (let m = /\[([^\]]+)\]\(([^)]+)\)/.exec(rest); m; m = /\[([^\]]+)\]\(([^)]+)\)/.exec(rest)) {
    text += rest.slice(0, m.index);
    const value = m[1] as string;
    entities.push({
      name: m[2] as string,
      value,
      begin: text.length,
      end: text.length + value.length,
    });
    text += value;
    rest = rest.slice(m.index + m[0].length);
  }
  return { text: text + rest, entities };
}

/** A small bot: greetings, weather with a city, ordering food with a dish, and order status. */
export function smallBot(): TrainingData {
  return {
    intents: [
      {
        intentId: 'greet',
        name: 'Greet',
        trainingData: [
          'hello',
          'hi there',
          'good morning',
          'hey',
          'hello bot',
          'hi, how are you',
          'good evening',
          'hey there',
        ].map(ex),
      },
      {
        intentId: 'weather',
        name: 'Weather',
        trainingData: [
          'what is the weather in [Paris](city)',
          'will it rain in [London](city) tomorrow',
          'weather forecast for [Berlin](city)',
          'is it sunny in [Madrid](city)',
          'how cold is it in [Oslo](city)',
          'tell me the weather in [New York](city)',
          'do I need an umbrella in [Rome](city)',
          'temperature in [Vienna](city) today',
        ].map(ex),
      },
      {
        intentId: 'order_food',
        name: 'Order food',
        trainingData: [
          'I want to order a [pizza](dish)',
          'can I get two [burgers](dish)',
          'order [sushi](dish) for dinner',
          'I would like a [salad](dish) please',
          'get me some [noodles](dish)',
          'deliver a [pizza](dish) to my home',
          'I am hungry, order [tacos](dish)',
          'bring me a [sandwich](dish)',
        ].map(ex),
      },
      {
        intentId: 'order_status',
        name: 'Order status',
        trainingData: [
          'where is my order [AB-1234](order_number)',
          'status of order [XY-9876](order_number)',
          'track my order',
          'has my order [CD-5555](order_number) shipped',
          'when will my order arrive',
          'check order [EF-1010](order_number)',
          'what happened to my delivery',
          'order [GH-2020](order_number) is late',
        ].map(ex),
      },
    ],
    entities: [
      {
        name: 'city',
        values: [{ value: 'New York', synonyms: ['NYC', 'big apple'] }],
        patterns: [],
        fuzzy: true,
        allowUnlisted: false,
      },
      {
        name: 'order_number',
        values: [],
        patterns: ['\\b[A-Z]{2}-\\d{4}\\b'],
        fuzzy: false,
        allowUnlisted: false,
      },
    ],
  };
}
