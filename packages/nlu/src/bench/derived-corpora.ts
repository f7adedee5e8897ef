import type { TestItem } from '../eval/exchange-format.js';
import { OOS_LABEL } from '../eval/metrics.js';
import type { TrainingData } from '../types.js';
import { createPrng, shuffled } from '../util/prng.js';

export interface Corpus {
  train: TrainingData;
  test: TestItem[];
}

/**
 * The same corpus with only `perIntent` training examples per intent (a seeded sample): the
 * "10 examples per intent" bot the issue keeps aside, built from any corpus.
 */
export function fewShot(corpus: Corpus, perIntent: number, seed: number): Corpus {
  const random = createPrng(seed);
  return {
    train: {
      ...corpus.train,
      intents: corpus.train.intents.map((intent) => ({
        ...intent,
        trainingData: shuffled(intent.trainingData, random).slice(0, perIntent),
      })),
    },
    test: corpus.test,
  };
}

/**
 * Out-of-scope check: `heldOut` intents (a seeded choice) are removed from training and their
 * test messages relabelled `oos`, so the bot's threshold must send them to the fallback while
 * still accepting the intents it knows. Nothing here is tuned on: the held-out messages are
 * as close to in-scope as out-of-scope gets (same domain, same style).
 */
export function holdOutIntents(corpus: Corpus, heldOut: number, seed: number): Corpus {
  const ids = shuffled(
    corpus.train.intents.map((i) => i.intentId),
    createPrng(seed),
  );
  const removed = new Set(ids.slice(0, heldOut));
  return {
    train: {
      ...corpus.train,
      intents: corpus.train.intents.filter((i) => !removed.has(i.intentId)),
    },
    test: corpus.test.map((item) =>
      removed.has(item.intent) ? { ...item, intent: OOS_LABEL, entities: [] } : item,
    ),
  };
}
