import { tokenize } from '../text/tokenize.js';
import { ex } from '../test-support/small-bot.js';
import { allowedTransition, spansToTags, tagsToSpans } from './bilou.js';
import { knowledgeMarks } from '../knowledge/knowledge-marks.js';
import type { SupportedLanguage } from '@parley/domain';
import { usesCharacterGrams } from './labeller-features.js';
import { SequenceLabeller } from './sequence-labeller.js';
import type { LabellerOptions } from './labeller-types.js';

const OPTIONS: Omit<LabellerOptions, 'seed'> = {
  epochs: 10,
  gazetteerDropout: 0.5,
  knowledgeDropout: 0.2,
  wordDropout: 0.2,
  l2: 0.1,
  learningRate: 0.3,
  ensemble: 2,
};

const TRAIN = [
  'fly from [Paris](from) to [Rome](to)',
  'a flight from [Oslo](from) to [New York](to)',
  'from [Berlin](from) to [Lisbon](to) please',
  'I need to go from [Madrid](from) to [Athens](to)',
  'book from [Vienna](from) to [Prague](to)',
  'travel from [Dublin](from) to [Los Angeles](to) tomorrow',
].map(ex);

function train(
  seed = 1,
  examples = TRAIN,
  language: SupportedLanguage = 'en',
): Promise<SequenceLabeller> {
  return SequenceLabeller.train(
    examples.map((e) => {
      const tokens = tokenize(e.text, language);
      const spans = e.entities.map((s) => ({
        entity: s.name,
        start: tokens.findIndex((t) => t.begin === s.begin),
        end: tokens.findIndex((t) => t.end === s.end) + 1,
      }));
      return {
        tokens,
        intent: 'fly',
        tags: spansToTags(tokens.length, spans),
        gazetteer: tokens.map(() => []),
        knowledge: knowledgeMarks(tokens),
      };
    }),
    { ...OPTIONS, seed, language },
  );
}

describe('BILOU', () => {
  it('round-trips spans through tags', () => {
    const spans = [
      { entity: 'a', start: 0, end: 1 },
      { entity: 'b', start: 2, end: 5 },
    ];
    expect(spansToTags(6, spans)).toEqual(['U-a', 'O', 'B-b', 'I-b', 'L-b', 'O']);
    expect(tagsToSpans(spansToTags(6, spans))).toEqual(spans);
  });

  it('forbids an entity that is opened and never closed', () => {
    expect(allowedTransition('B-a', 'O')).toBe(false);
    expect(allowedTransition('B-a', 'L-a')).toBe(true);
    expect(allowedTransition('I-a', 'L-b')).toBe(false);
  });
});

describe('SequenceLabeller', () => {
  it('labels unseen values from their context', async () => {
    const tokens = tokenize('from Tokyo to San Francisco');
    const spans = (await train()).label(
      tokens,
      'fly',
      tokens.map(() => []),
    );
    expect(
      spans.map((s) => [
        s.entity,
        tokens
          .slice(s.start, s.end)
          .map((t) => t.raw)
          .join(' '),
      ]),
    ).toEqual([
      ['from', 'Tokyo'],
      ['to', 'San Francisco'],
    ]);
    for (const s of spans) expect(s.confidence).toBeGreaterThan(0);
  });

  it('labels a message that starts with an entity, though no training sentence did', async () => {
    const tokens = tokenize('Tokyo to Osaka tomorrow');
    const spans = (await train()).label(
      tokens,
      'fly',
      tokens.map(() => []),
      knowledgeMarks(tokens),
    );
    expect(spans.map((s) => [s.entity, tokens[s.start]?.raw])).toEqual([
      ['from', 'Tokyo'],
      ['to', 'Osaka'],
    ]);
  });

  it('finds nothing for an intent without annotated entities', async () => {
    const tokens = tokenize('from Tokyo to Osaka');
    expect(
      (await train()).label(
        tokens,
        'greet',
        tokens.map(() => []),
      ),
    ).toEqual([]);
  });

  it('tells a country from a city by what it knows of both, with no training example of either', async () => {
    const weather = [
      'weather in [Lyon](city) tomorrow',
      'is it raining in [Dallas](city)',
      'forecast for [Kenya](country) next week',
      'weather in [Peru](country) on monday',
      'will it snow in [Boston](city) tonight',
      'how hot is it in [Norway](country)',
      'weather for [Quito](city) this weekend',
      'forecast in [Chile](country) today',
    ].map(ex);
    const labeller = await train(1, weather);
    const named = (text: string): string[][] => {
      const tokens = tokenize(text);
      return labeller
        .label(
          tokens,
          'fly',
          tokens.map(() => []),
          knowledgeMarks(tokens),
        )
        .map((s) => [
          s.entity,
          tokens
            .slice(s.start, s.end)
            .map((t) => t.raw)
            .join(' '),
        ]);
    };
    expect(named('weather in Portugal tomorrow')).toEqual([['country', 'Portugal']]);
    expect(named('is it raining in Manchester')).toEqual([['city', 'Manchester']]);
    expect(named('forecast for Argentina next week')).toEqual([['country', 'Argentina']]);
  });

  it('tells a US state from a town in a German bot, with no training example of either', async () => {
    const language = 'de';
    const spans = (e: ReturnType<typeof ex>, tokens: ReturnType<typeof tokenize>) =>
      e.entities.map((s) => ({
        entity: s.name,
        start: tokens.findIndex((t) => t.begin === s.begin),
        end: tokens.findIndex((t) => t.end === s.end) + 1,
      }));
    const weather = [
      'Wetter in [Ohio](state) morgen',
      'regnet es in [Dallas](town)',
      'Vorhersage für [Kansas](state) nächste Woche',
      'Wetter in [Iowa](state) am Montag',
      'schneit es heute Nacht in [Boston](town)',
      'wie heiß ist es in [Utah](state)',
      'Wetter für [Denver](town) am Wochenende',
      'Vorhersage in [Phoenix](town) heute',
      'wird es kalt in [North Dakota](state)',
      'Wetter in [Los Angeles](town) am Freitag',
    ].map(ex);
    const labeller = await SequenceLabeller.train(
      weather.map((e) => {
        const tokens = tokenize(e.text, language);
        return {
          tokens,
          intent: 'weather',
          tags: spansToTags(tokens.length, spans(e, tokens)),
          gazetteer: tokens.map(() => []),
          knowledge: knowledgeMarks(tokens, language),
        };
      }),
      { ...OPTIONS, seed: 1, language },
    );
    const named = (text: string): string[][] => {
      const tokens = tokenize(text, language);
      return labeller
        .label(
          tokens,
          'weather',
          tokens.map(() => []),
          knowledgeMarks(tokens, language),
        )
        .map((s) => [
          s.entity,
          tokens
            .slice(s.start, s.end)
            .map((t) => t.raw)
            .join(' '),
        ]);
    };
    expect(named('schneit es in New Jersey')).toEqual([['state', 'New Jersey']]);
    // Vermont and Tennessee are also towns in the city list: only the region names tell them.
    expect(named('Wetter in Vermont morgen')).toEqual([['state', 'Vermont']]);
    expect(named('regnet es in Tennessee')).toEqual([['state', 'Tennessee']]);
    expect(named('regnet es in Seattle')).toEqual([['town', 'Seattle']]);
  });

  it('tells a Chinese place from a dish by a character inside the name, in an identical context', async () => {
    // Every name is unseen as a word and shares no first or last character with a trained one:
    // only 斯 (foreign place names) and 肉 (meat) inside them say which is which.
    const orders = [
      '我 想要 [阿斯塔纳](place)',
      '我 想要 [奥斯陆城](place)',
      '我 想要 [休斯顿港](place)',
      '我 想要 [莫斯科湾](place)',
      '我 想要 [明斯克站](place)',
      '我 想要 [拉斯帕马](place)',
      '我 想要 [红烧肉饭](dish)',
      '我 想要 [回锅肉片](dish)',
      '我 想要 [东坡肉块](dish)',
      '我 想要 [牛肉拉面](dish)',
      '我 想要 [卤肉米粉](dish)',
      '我 想要 [烤肉串儿](dish)',
    ].map(ex);
    const labeller = await train(1, orders, 'zh');
    const named = (text: string): string[][] => {
      const tokens = tokenize(text, 'zh');
      return labeller
        .label(
          tokens,
          'fly',
          tokens.map(() => []),
        )
        .map((s) => [s.entity, text.slice(tokens[s.start]!.begin, tokens[s.end - 1]!.end)]);
    };
    expect(named('我 想要 卡斯罗尼')).toEqual([['place', '卡斯罗尼']]);
    expect(named('我 想要 维斯比堡')).toEqual([['place', '维斯比堡']]);
    expect(named('我 想要 酱肉包子')).toEqual([['dish', '酱肉包子']]);
  });

  it('reads the characters of words in languages not written in Latin script or without a stemmer', () => {
    expect(
      ['zh', 'ja', 'ar', 'ru', 'th', 'tr'].every((l) => usesCharacterGrams(l as SupportedLanguage)),
    ).toBe(true);
    expect(
      ['en', 'de', 'nl', 'it', 'id'].some((l) => usesCharacterGrams(l as SupportedLanguage)),
    ).toBe(false);
  });

  it('is deterministic for a seed', async () => {
    expect((await train(3)).toArtifact()).toEqual((await train(3)).toArtifact());
  });
});
