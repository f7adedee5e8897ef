import { wordClustersVersion } from '../knowledge/word-clusters.js';
import { hashTrainingData } from './hash-training-data.js';
import { trainModel } from './train-model.js';

// Its own file: the knowledge data must not be loaded yet when the first hash is taken.
describe('hashTrainingData before and after the knowledge data loads', () => {
  it('is the same, so a process that has not trained yet still recognises unchanged data', async () => {
    const bot = {
      intents: [
        {
          intentId: 'weather',
          name: 'Weather',
          trainingData: ['weather in Paris', 'is it cold in Oslo', 'rain in Rome tomorrow'].map(
            (text) => {
              const city = /(Paris|Oslo|Rome)/.exec(text)!;
              return {
                text,
                entities: [
                  {
                    name: 'city',
                    value: city[0],
                    begin: city.index,
                    end: city.index + city[0].length,
                  },
                ],
              };
            },
          ),
        },
        {
          intentId: 'greet',
          name: 'Greet',
          trainingData: ['hello', 'hi there', 'good morning'].map((text) => ({
            text,
            entities: [],
          })),
        },
      ],
      entities: [{ name: 'city', values: [], patterns: [], fuzzy: false, allowUnlisted: false }],
    };
    expect(wordClustersVersion()).toBeUndefined();
    const before = hashTrainingData(bot);
    await trainModel(bot, { seed: 3 });
    expect(wordClustersVersion()).toBeDefined();
    expect(hashTrainingData(bot)).toBe(before);
  });
});
