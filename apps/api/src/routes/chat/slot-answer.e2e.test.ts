import request from 'supertest';
import { importAndTrain, useComposedApp } from '../../test-support/composed-app.js';

/** A small ai-chatbot-framework bot whose city and dish are learnt only from annotated examples. */
function weatherAndFoodBot() {
  const annotated = (name: string, examples: string[]) =>
    examples.map((text) => {
      const match = /\[([^\]]+)\]/.exec(text);
      const plain = text.replace(/\[([^\]]+)\]/, '$1');
      return {
        text: plain,
        entities: match
          ? [{ name, value: match[1], begin: match.index, end: match.index + match[1]!.length }]
          : [],
      };
    });
  return {
    intents: [
      {
        name: 'Default Fallback intent',
        intentId: 'fallback',
        userDefined: false,
        speechResponse: 'Sorry, I did not get that.',
        trainingData: [],
      },
      {
        name: 'Weather',
        intentId: 'weather',
        speechResponse: 'Weather for {{ parameters.city }}: sunny.',
        parameters: [{ name: 'city', required: true, type: 'city', prompt: 'Which city?' }],
        trainingData: annotated('city', [
          'what is the weather in [Paris]',
          'will it rain in [London] tomorrow',
          'weather forecast for [Berlin]',
          'is it sunny in [Madrid]',
          'how cold is it in [Oslo]',
          'tell me the weather in [New York]',
          'what is the weather like',
          'weather forecast please',
        ]),
      },
      {
        name: 'Order food',
        intentId: 'order_food',
        speechResponse: 'One {{ parameters.dish }} coming.',
        parameters: [
          { name: 'dish', required: true, type: 'dish', prompt: 'What would you like?' },
        ],
        trainingData: annotated('dish', [
          'I want to order a [pizza]',
          'can I get two [burgers]',
          'order [sushi] for dinner please',
          'I would like a [salad] please',
          'get me some [noodles]',
          'bring me a [sandwich] please',
          'I am hungry',
          'order some food',
        ]),
      },
    ],
    entities: [
      { name: 'city', entity_values: [] },
      { name: 'dish', entity_values: [] },
    ],
  };
}

describe('slot filling: answers that name a learnt-only entity in a few words', () => {
  const t = useComposedApp();

  beforeAll(() => importAndTrain(t(), weatherAndFoodBot()), 120_000);

  const chat = (threadId: string, text: string) =>
    request(t().app)
      .post('/api/v1/bots/default/chat')
      .set('Authorization', t().admin)
      .send({ threadId, text })
      .expect(200);

  it('fills the city from "in Kyoto please", a value no example contains', async () => {
    const ask = await chat('w-1', 'what is the weather like');
    expect(ask.body).toMatchObject({ intent: { name: 'weather' }, missingParameters: ['city'] });
    const answer = await chat('w-1', 'in Kyoto please');
    expect(answer.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'Weather for Kyoto: sunny.',
    ]);
  });

  it('does not fill a slot from an entity below the bot’s entity threshold: it asks again', async () => {
    const parse = await request(t().app)
      .post('/api/v1/admin/bots/default/parse')
      .set('Authorization', t().admin)
      .send({ text: 'weather in Kyoto please' })
      .expect(200);
    const city = parse.body.entities.find((e: { name: string }) => e.name === 'city');
    expect(city?.confidence).toBeLessThan(1);
    const setThreshold = (entityThreshold: number) =>
      request(t().app)
        .patch('/api/v1/admin/bots/default')
        .set('Authorization', t().admin)
        .send({ nlu: { entityThreshold } })
        .expect(200);
    await setThreshold(1);
    const unsure = await chat('w-3', 'weather in Kyoto please');
    expect(unsure.body).toMatchObject({ complete: false, missingParameters: ['city'] });
    expect(unsure.body.messages[0].text).toBe('Which city?');
    await setThreshold(0.5);
    const sure = await chat('w-4', 'weather in Kyoto please');
    expect(sure.body.messages[0].text).toBe('Weather for Kyoto: sunny.');
  });

  it('asks again when the answer holds no city', async () => {
    await chat('w-2', 'what is the weather like');
    const answer = await chat('w-2', 'no idea');
    expect(answer.body).toMatchObject({ complete: false, missingParameters: ['city'] });
  });
});
