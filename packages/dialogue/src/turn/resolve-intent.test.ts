import { ZBotSettings, ZIntentDefinition, type BotSettings } from '@parley/domain';
import type { ParseResult } from '@parley/nlu';
import { resolveIntent } from './resolve-intent.js';

const intents = ['greet', 'bye', 'cancel', 'fallback'].map((intentId) =>
  ZIntentDefinition.parse({ intentId, name: intentId }),
);
const settings = (nlu: Partial<BotSettings['nlu']> = {}): BotSettings => {
  const base = ZBotSettings.parse({ name: 'b' });
  return { ...base, nlu: { ...base.nlu, ...nlu } };
};
const parse = (...ranking: Array<[string, number]>): ParseResult => ({
  intent: { name: ranking[0]![0], confidence: ranking[0]![1] },
  ranking: ranking.map(([name, confidence]) => ({ name, confidence })),
  entities: [],
  source: 'local',
});

describe('resolveIntent', () => {
  it.each([
    ['a confident intent', parse(['greet', 0.9], ['bye', 0.1]), 'intent'],
    ['below the threshold', parse(['greet', 0.5], ['bye', 0.4]), 'fallback'],
    ['the cancel intent', parse(['cancel', 0.95]), 'cancel'],
    ['a predicted fallback', parse(['fallback', 0.95]), 'fallback'],
    ['an intent the bot does not have', parse(['order', 0.95]), 'fallback'],
  ])('handles %s', (_label, nlu, kind) => {
    expect(resolveIntent({ nlu, forced: null, intents, settings: settings() }).kind).toBe(kind);
  });

  it('lets a forced intent win with confidence 1', () => {
    const resolution = resolveIntent({
      nlu: null,
      forced: { intentId: 'bye', parameters: {} },
      intents,
      settings: settings(),
    });
    expect(resolution).toMatchObject({
      kind: 'intent',
      confidence: 1,
      forced: true,
      intent: { intentId: 'bye' },
    });
  });

  it('falls back when the top two are closer than the margin', () => {
    const resolution = resolveIntent({
      nlu: parse(['greet', 0.7], ['bye', 0.65]),
      forced: null,
      intents,
      settings: settings({ ambiguityMargin: 0.1, ambiguity: 'fallback' }),
    });
    expect(resolution).toMatchObject({ kind: 'fallback', reason: 'ambiguous' });
  });

  it('asks which one was meant in clarify mode', () => {
    const resolution = resolveIntent({
      nlu: parse(['greet', 0.7], ['bye', 0.65]),
      forced: null,
      intents,
      settings: settings({ ambiguityMargin: 0.1, ambiguity: 'clarify' }),
    });
    expect(resolution.kind).toBe('clarify');
    if (resolution.kind === 'clarify')
      expect(resolution.candidates.map((i) => i.intentId)).toEqual(['greet', 'bye']);
  });

  it('ignores the margin when it is 0 or the gap is wide enough', () => {
    const nlu = parse(['greet', 0.7], ['bye', 0.65]);
    expect(resolveIntent({ nlu, forced: null, intents, settings: settings() }).kind).toBe('intent');
    const wide = parse(['greet', 0.8], ['bye', 0.1]);
    expect(
      resolveIntent({
        nlu: wide,
        forced: null,
        intents,
        settings: settings({ ambiguityMargin: 0.1 }),
      }).kind,
    ).toBe('intent');
  });
});
