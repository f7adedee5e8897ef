import { DEFAULT_THRESHOLD, predictAll } from '../eval/evaluate.js';
import { growingBot } from '../bench/growing-bot.js';
import { trainModel } from './train-model.js';

/** The same bot (verb × object intents) with 5, 30 and 300 of its intents. */
const SIZES = [5, 30, 300];

interface AtThreshold {
  intents: number;
  /** In-scope test messages below the bot threshold. */
  fallback: number;
  /** Test messages whose intent was right but fell below the threshold. */
  lost: number;
}

async function measure(intents: number): Promise<AtThreshold> {
  const { train, test } = growingBot(intents, 6, 3);
  const model = await trainModel(train, { seed: 1, entities: { labeller: false } });
  const { predictions } = await predictAll(model, test);
  const below = predictions.filter((p) => p.confidence < DEFAULT_THRESHOLD);
  return {
    intents,
    fallback: below.length / test.length,
    lost: below.filter((p) => p.intent === p.item.intent).length / test.length,
  };
}

describe('calibrated confidence', () => {
  // Uncalibrated (the product of experts times a coverage factor), this bot sent 20 %, 13 % and
  // 0 % of its test messages to the fallback at 5, 30 and 300 intents, answering 95 %, 95 % and
  // 100 % of them right; calibrated, 10 %, 2.5 % and 0 % with every answer right.
  // Three trainings with calibration folds, the largest of 1,800 examples and 300 intents (about
  // 20 s of CPU time; 63 s while the classifier's head ran on TF.js), and CI runs two suites at
  // once on a 2-core machine: the limit leaves room for a busy one.
  it('keeps the fallback rate of taught messages as the same bot grows from 5 to 300 intents', async () => {
    const results: AtThreshold[] = [];
    for (const size of SIZES) results.push(await measure(size));
    const fallbacks = results.map((r) => r.fallback);
    expect(Math.max(...fallbacks) - Math.min(...fallbacks)).toBeLessThanOrEqual(0.12);
    for (const r of results)
      expect({ intents: r.intents, lost: r.lost <= 0.12 }).toEqual({
        intents: r.intents,
        lost: true,
      });
  }, 600_000);
});
