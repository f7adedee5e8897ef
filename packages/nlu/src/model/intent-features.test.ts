import { ZNluConfig } from '../config.js';
import { smallBot } from '../test-support/small-bot.js';
import type { TrainingData } from '../types.js';
import type { LocalNluModel } from './local-nlu-model.js';
import { prepareTraining, trainModel } from './train-model.js';
import type { PreparedTraining } from './train-model.js';

const REFERENCE = { referenceTime: new Date('2024-05-01T10:00:00Z'), timeZone: 'UTC' };
// System entities on, so that parsing finds some ("two", "tomorrow") that training never sees.
const DATA: TrainingData = { ...smallBot(), systemEntities: ['sys.number', 'sys.date'] };
const CONFIG = ZNluConfig.parse({ seed: 7 });

let prepared: PreparedTraining;
let model: LocalNluModel;

beforeAll(async () => {
  prepared = await prepareTraining(DATA, CONFIG);
  model = await trainModel(DATA, CONFIG);
});

describe('intentFeatures', () => {
  it('gives training and parsing the same features for every training text', () => {
    expect(prepared.examples).toHaveLength(32);
    for (const example of prepared.examples) {
      expect({
        text: example.text,
        features: model.intentFeaturesOf(example.text, REFERENCE),
      }).toEqual({
        text: example.text,
        features: example.intentFeatures,
      });
    }
  });

  it.each([
    ['tell me the weather in New York', ['e:city']],
    ['will it rain in NYC tomorrow', ['e:city']],
    ['status of order XY-9876', ['e:order_number']],
    ['can I get two burgers', ['e:dish']],
    ['hello', []],
  ])('reads the entity types of "%s" from the bot\'s values and patterns', (text, features) => {
    const example = prepared.examples.find((e) => e.text === text);
    if (example) expect(example.intentFeatures).toEqual(features);
    expect(model.intentFeaturesOf(text, REFERENCE)).toEqual(features);
  });

  it('leaves system entities out, although parsing finds them', async () => {
    const text = 'can I get two burgers tomorrow';
    const names = (await model.parse(text, REFERENCE)).entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['sys.number', 'sys.date']));
    expect(model.intentFeaturesOf(text, REFERENCE)).toEqual(['e:dish']);
  });

  it('is empty in training and parsing when entity features are off', async () => {
    const config = ZNluConfig.parse({ seed: 7, intent: { entityFeatures: false } });
    const off = await prepareTraining(DATA, config);
    const offModel = await trainModel(DATA, config);
    expect(off.examples.every((e) => e.intentFeatures.length === 0)).toBe(true);
    expect(offModel.intentFeaturesOf('tell me the weather in New York', REFERENCE)).toEqual([]);
  });
});
