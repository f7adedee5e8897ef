import type { TrainingData } from '../types.js';
import type { TestItem } from '../eval/exchange-format.js';
import { createPrng } from '../util/prng.js';

const VERBS = [
  'show',
  'find',
  'book',
  'cancel',
  'change',
  'check',
  'open',
  'send',
  'add',
  'remove',
  'order',
  'track',
  'pay',
  'reset',
  'update',
];
const FILLERS = [
  'please',
  'can you',
  'i want to',
  'i need to',
  'help me',
  'could you',
  'quickly',
  'now',
  'for me',
  'today',
];

/**
 * A seeded synthetic bot with many intents (verb × object, with shared vocabulary) to measure
 * parse latency and memory at scale; quality on it says little.
 */
export function syntheticBot(
  intents: number,
  examplesPerIntent: number,
  seed: number,
): { train: TrainingData; test: TestItem[] } {
  const random = createPrng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const objects = Array.from(
    { length: intents },
    (_, i) => `item${i} ${['account', 'order', 'ticket', 'card', 'plan'][i % 5]}`,
  );
  const sentence = (i: number): string => {
    const verb = VERBS[i % VERBS.length] as string;
    return [pick(FILLERS), verb, 'my', objects[i], pick(FILLERS)].join(' ');
  };
  const train: TrainingData = {
    entities: [],
    intents: Array.from({ length: intents }, (_, i) => ({
      intentId: `intent_${i}`,
      name: `Intent ${i}`,
      trainingData: Array.from({ length: examplesPerIntent }, () => ({
        text: sentence(i),
        entities: [],
      })),
    })),
  };
  const test = Array.from({ length: 1000 }, (_, k) => {
    const i = k % intents;
    return { text: sentence(i), intent: `intent_${i}`, entities: [] };
  });
  return { train, test };
}
