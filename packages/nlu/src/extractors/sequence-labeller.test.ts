import type { SupportedLanguage } from '@parley/domain';
import { namedIn, trainLabeller, trainLabellerOnIntents } from '../test-support/labeller.js';
import { tokenize } from '../text/tokenize.js';
import { allowedTransition, spansToTags, tagsToSpans } from './bilou.js';
import { usesCharacterGrams } from './labeller-features.js';
import type { SequenceLabeller } from './sequence-labeller.js';

const TRAIN = [
  'fly from [Paris](from) to [Rome](to)',
  'a flight from [Oslo](from) to [New York](to)',
  'from [Berlin](from) to [Lisbon](to) please',
  'I need to go from [Madrid](from) to [Athens](to)',
  'book from [Vienna](from) to [Prague](to)',
  'travel from [Dublin](from) to [Los Angeles](to) tomorrow',
];
const FLY = { intent: 'fly', knowledge: true } as const;

function train(seed = 1): Promise<SequenceLabeller> {
  return trainLabeller(TRAIN, FLY, seed);
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
    const labeller = await train();
    expect(namedIn(labeller, 'from Tokyo to San Francisco', { ...FLY, knowledge: false })).toEqual([
      ['from', 'Tokyo'],
      ['to', 'San Francisco'],
    ]);
    // Each span's probability: with the context of every training sentence, the CRF is sure.
    const tokens = tokenize('from Tokyo to San Francisco');
    const spans = labeller.label(
      tokens,
      'fly',
      tokens.map(() => []),
    );
    expect(spans).toHaveLength(2);
    for (const s of spans) expect(s.confidence).toBeGreaterThan(0.9);
  });

  it('labels a message that starts with an entity, though no training sentence did', async () => {
    expect(namedIn(await train(), 'Tokyo to Osaka tomorrow', FLY)).toEqual([
      ['from', 'Tokyo'],
      ['to', 'Osaka'],
    ]);
  });

  it('reads a word shared by two intents as the entity type of the intent at hand', async () => {
    // "to" comes before a destination in one intent and before a task in the other: each
    // intent's labelling may only use what that intent's sentences taught.
    const REMIND = { intent: 'remind' } as const;
    const labeller = await trainLabellerOnIntents([
      { bot: FLY, marked: TRAIN },
      {
        bot: REMIND,
        marked: [
          'remind me to [buy milk](task)',
          'remind me to [call mom](task) tonight',
          'please remind me to [feed the cat](task)',
          'set a reminder to [pay rent](task)',
          'remind me to [book a dentist appointment](task)',
          'I want a reminder to [water the plants](task)',
        ],
      },
    ]);
    expect(namedIn(labeller, 'from Tokyo to Osaka', FLY)).toEqual([
      ['from', 'Tokyo'],
      ['to', 'Osaka'],
    ]);
    expect(namedIn(labeller, 'remind me to clean the kitchen', REMIND)).toEqual([
      ['task', 'clean the kitchen'],
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
    const labeller = await trainLabeller(
      [
        'weather in [Lyon](city) tomorrow',
        'is it raining in [Dallas](city)',
        'forecast for [Kenya](country) next week',
        'weather in [Peru](country) on monday',
        'will it snow in [Boston](city) tonight',
        'how hot is it in [Norway](country)',
        'weather for [Quito](city) this weekend',
        'forecast in [Chile](country) today',
      ],
      FLY,
    );
    const named = (text: string): string[][] => namedIn(labeller, text, FLY);
    expect(named('weather in Portugal tomorrow')).toEqual([['country', 'Portugal']]);
    expect(named('is it raining in Manchester')).toEqual([['city', 'Manchester']]);
    expect(named('forecast for Argentina next week')).toEqual([['country', 'Argentina']]);
  });

  it('tells a US state from a town in a German bot, with no training example of either', async () => {
    const bot = { intent: 'weather', language: 'de', knowledge: true } as const;
    const labeller = await trainLabeller(
      [
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
      ],
      bot,
    );
    const named = (text: string): string[][] => namedIn(labeller, text, bot);
    expect(named('schneit es in New Jersey')).toEqual([['state', 'New Jersey']]);
    // Vermont and Tennessee are also towns in the city list: only the region names tell them.
    expect(named('Wetter in Vermont morgen')).toEqual([['state', 'Vermont']]);
    expect(named('regnet es in Tennessee')).toEqual([['state', 'Tennessee']]);
    expect(named('regnet es in Seattle')).toEqual([['town', 'Seattle']]);
  });

  it('tells a Chinese place from a dish by a character inside the name, in an identical context', async () => {
    // Every name is unseen as a word and shares no first or last character with a trained one:
    // only 斯 (foreign place names) and 肉 (meat) inside them say which is which.
    const bot = { intent: 'order', language: 'zh' } as const;
    const labeller = await trainLabeller(
      [
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
      ],
      bot,
    );
    const named = (text: string): string[][] => namedIn(labeller, text, bot);
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
