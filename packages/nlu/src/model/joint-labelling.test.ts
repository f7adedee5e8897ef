import { smallBot } from '../test-support/small-bot.js';
import { tokenize } from '../text/tokenize.js';
import type { ExtractedEntity } from '../types.js';
import type { LocalNluModel } from './local-nlu-model.js';
import { trainModel } from './train-model.js';

describe('the labeller reads the entity types of the intent its labelling fits', () => {
  let model: LocalNluModel;
  beforeAll(async () => {
    model = await trainModel(smallBot(), { seed: 7 });
  });

  const labelled = (
    text: string,
    ranking: { name: string; confidence: number }[],
    count: number,
    minProbability = 0,
  ): ExtractedEntity[] => {
    const tokens = tokenize(text, 'en');
    return model.entityModel.labelledAmong(
      { text, tokens, referenceTime: new Date(), timeZone: 'UTC' },
      ranking,
      model.entityModel.view(tokens),
      { intents: count, minProbability },
    );
  };
  const among = (
    text: string,
    ranking: { name: string; confidence: number }[],
    count = 2,
  ): string[][] => labelled(text, ranking, count).map((e) => [e.name, e.raw]);

  it('takes the labelling that fits when two intents are about as likely', () => {
    // "Lisbon" after "cold in" is a city; as a dish the labeller is unsure of it.
    const hesitant = [
      { name: 'order_food', confidence: 0.5 },
      { name: 'weather', confidence: 0.48 },
    ];
    expect(among('is it cold in Lisbon', hesitant, 1)).toEqual([['dish', 'Lisbon']]);
    expect(among('is it cold in Lisbon', hesitant)).toEqual([['city', 'Lisbon']]);
  });

  it("keeps a confident intent's entity types", () => {
    const sure = [
      { name: 'order_food', confidence: 0.97 },
      { name: 'weather', confidence: 0.02 },
    ];
    expect(among('is it cold in Lisbon', sure)).toEqual([['dish', 'Lisbon']]);
  });

  it('keeps only the entities at least as likely as the minimum probability', () => {
    const sure = [{ name: 'weather', confidence: 0.97 }];
    const [city] = labelled('is it cold in Lisbon', sure, 1);
    expect(city).toMatchObject({ name: 'city', raw: 'Lisbon' });
    expect(city!.confidence).toBeGreaterThan(0);
    expect(city!.confidence).toBeLessThanOrEqual(1);
    expect(labelled('is it cold in Lisbon', sure, 1, city!.confidence)).toEqual([city]);
    expect(labelled('is it cold in Lisbon', sure, 1, city!.confidence + 0.001)).toEqual([]);
  });
});
