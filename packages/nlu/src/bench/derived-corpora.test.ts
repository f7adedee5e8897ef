import { OOS_LABEL } from '../eval/metrics.js';
import { toTestItems } from '../eval/exchange-format.js';
import { smallBot } from '../test-support/small-bot.js';
import { fewShot, holdOutIntents } from './derived-corpora.js';

const corpus = { train: smallBot(), test: toTestItems(smallBot()) };

describe('derived corpora', () => {
  it('keeps a seeded sample of n examples per intent', () => {
    const few = fewShot(corpus, 2, 1);
    for (const intent of few.train.intents)
      expect(intent.trainingData.length).toBeLessThanOrEqual(2);
    expect(fewShot(corpus, 2, 1)).toEqual(few);
    expect(few.test).toBe(corpus.test);
  });

  it('removes held-out intents from training and relabels their test messages oos', () => {
    const { train, test } = holdOutIntents(corpus, 1, 3);
    const kept = new Set(train.intents.map((i) => i.intentId));
    expect(kept.size).toBe(corpus.train.intents.length - 1);
    for (const [i, item] of test.entries()) {
      const original = corpus.test[i]!;
      if (kept.has(original.intent)) expect(item).toEqual(original);
      else expect(item).toMatchObject({ intent: OOS_LABEL, entities: [] });
    }
    expect(test.some((t) => t.intent === OOS_LABEL)).toBe(true);
  });
});
