import { ZEntityDefinition, ZIntentDefinition } from '@parley/domain';
import { buildTrainingData } from './training-data.js';

const intent = (intentId: string, texts: string[], extra: object = {}) =>
  ZIntentDefinition.parse({
    intentId,
    name: intentId,
    trainingData: texts.map((text) => ({ text })),
    ...extra,
  });

describe('buildTrainingData', () => {
  it('keeps every intent with examples and leaves the fallback out', () => {
    const result = buildTrainingData(
      [intent('fallback', []), intent('greet', ['hi']), intent('bye', ['bye'])],
      [],
      'fallback',
    );
    expect(result.ok && result.data.intents.map((i) => i.intentId)).toEqual(['greet', 'bye']);
  });

  it('says in words what is missing', () => {
    const orders = intent('track', ['where is my parcel'], {
      parameters: [{ name: 'order', entity: 'order_number' }],
    });
    const result = buildTrainingData(
      [intent('empty', []), orders],
      [ZEntityDefinition.parse({ name: 'order_number' })],
      'fallback',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.code)).toEqual([
      'NO_INTENTS',
      'INTENT_WITHOUT_EXAMPLES',
      'ENTITY_NEVER_ANNOTATED',
    ]);
    expect(result.problems[1]!.message).toContain('Intent "empty"');
    expect(result.problems[2]!.message).toContain('Entity "order_number" is never annotated');
  });
});
