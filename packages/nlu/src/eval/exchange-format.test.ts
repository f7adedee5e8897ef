import { importExchangeFormat, importTestSet } from './exchange-format.js';
import { splitFolds } from './cross-validate.js';

describe('importExchangeFormat', () => {
  it('reads an ai-chatbot-framework export, entity values included', () => {
    const data = importExchangeFormat({
      intents: [
        { intentId: 'fallback', name: 'Fallback', userDefined: false, speechResponse: 'Sorry' },
        {
          intentId: 'restaurant_search',
          name: 'Restaurant search',
          parameters: [{ name: 'cuisine', type: 'cuisine' }],
          trainingData: [
            {
              text: "i'm looking for Chinese food",
              entities: [{ begin: 16, end: 23, name: 'cuisine', value: 'Chinese' }],
            },
          ],
        },
      ],
      entities: [
        { name: 'cuisine', entity_values: [{ value: 'chinese', synonyms: ['chinese food'] }] },
      ],
    });
    expect(data.intents.map((i) => [i.intentId, i.trainingData.length])).toEqual([
      ['fallback', 0],
      ['restaurant_search', 1],
    ]);
    expect(data.intents[1]?.trainingData[0]?.entities).toEqual([
      { name: 'cuisine', value: 'Chinese', begin: 16, end: 23 },
    ]);
    expect(data.entities[0]).toMatchObject({
      name: 'cuisine',
      values: [{ value: 'chinese', synonyms: ['chinese food'] }],
    });
  });

  it('rejects a file without intents', () => {
    expect(() => importExchangeFormat({ bots: [] })).toThrow();
  });
});

describe('importTestSet', () => {
  it('reads test items and drops spans outside the text', () => {
    const items = importTestSet([
      {
        text: 'hi Bob',
        intent: 'greet',
        entities: [
          { name: 'n', value: 'Bob', begin: 3, end: 6 },
          { name: 'bad', value: '?', begin: 4, end: 40 },
        ],
      },
    ]);
    expect(items).toEqual([
      {
        text: 'hi Bob',
        intent: 'greet',
        entities: [{ name: 'n', value: 'Bob', begin: 3, end: 6 }],
      },
    ]);
  });
});

describe('splitFolds', () => {
  it('puts every example in exactly one test fold, stratified by intent', () => {
    const data = {
      entities: [],
      intents: ['a', 'b'].map((id) => ({
        intentId: id,
        name: id,
        trainingData: Array.from({ length: 6 }, (_, k) => ({ text: `${id} ${k}`, entities: [] })),
      })),
    };
    const folds = splitFolds(data, 3, 1);
    const tested = folds.flatMap((f) => f.test.map((t) => t.text)).sort();
    expect(tested).toEqual(data.intents.flatMap((i) => i.trainingData.map((e) => e.text)).sort());
    for (const f of folds) {
      expect(f.test.filter((t) => t.intent === 'a')).toHaveLength(2);
      expect(f.train.intents.map((i) => i.trainingData.length)).toEqual([4, 4]);
    }
  });
});
