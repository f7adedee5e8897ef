import type { TestItem } from '../eval/exchange-format.js';
import type { TrainingData } from '../types.js';
import { createPrng } from '../util/prng.js';

const VERBS = [
  'show',
  'cancel',
  'change',
  'check',
  'open',
  'send',
  'add',
  'remove',
  'track',
  'pay',
  'reset',
  'renew',
  'share',
  'print',
  'lock',
  'book',
  'compare',
  'rate',
  'find',
  'report',
];
const OBJECTS = [
  'account',
  'order',
  'ticket',
  'card',
  'plan',
  'invoice',
  'password',
  'address',
  'booking',
  'payment',
  'delivery',
  'refund',
  'message',
  'photo',
  'contract',
];
const OPENERS = [
  '',
  'please',
  'can you',
  'i want to',
  'i need to',
  'help me',
  'could you',
  'how do i',
];
const CLOSERS = ['', 'please', 'now', 'for me', 'today', 'right away', 'if possible', 'thanks'];
const DETERMINERS = ['my', 'the', 'this', 'our'];

/**
 * A seeded bot whose intents are verb × object ("cancel my order", "track the order", "cancel
 * the ticket"…, up to 300): intents share their words as real ones do, and a bigger bot
 * contains the smaller ones, so the same bot can be trained at several sizes. Test messages
 * are drawn the same way (other openers, closers and determiners).
 */
export function growingBot(
  intents: number,
  examplesPerIntent: number,
  seed: number,
): { train: TrainingData; test: TestItem[] } {
  const random = createPrng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (i: number): string =>
    [
      pick(OPENERS),
      VERBS[i % VERBS.length]!,
      pick(DETERMINERS),
      OBJECTS[Math.floor(i / VERBS.length) % OBJECTS.length]!,
      pick(CLOSERS),
    ]
      .filter((w) => w !== '')
      .join(' ');
  const id = (i: number): string => `intent_${String(i).padStart(3, '0')}`;
  const ids = Array.from({ length: intents }, (_, i) => i);
  const train: TrainingData = {
    entities: [],
    intents: ids.map((i) => ({
      intentId: id(i),
      name: `Intent ${i}`,
      trainingData: Array.from({ length: examplesPerIntent }, () => ({
        text: sentence(i),
        entities: [],
      })),
    })),
  };
  const test = ids.flatMap((i) =>
    Array.from({ length: 4 }, () => ({ text: sentence(i), intent: id(i), entities: [] })),
  );
  return { train, test };
}
