import type { SupportedLanguage } from '@parley/domain';
import { tokenize } from '../text/tokenize.js';
import { ex } from '../test-support/small-bot.js';
import { spansToTags } from './bilou.js';
import type { LabellerOptions } from './labeller-types.js';
import { scriptFeaturesFor } from './script-features.js';
import { SequenceLabeller } from './sequence-labeller.js';

const OPTIONS: Omit<LabellerOptions, 'seed'> = {
  epochs: 10,
  gazetteerDropout: 0.5,
  knowledgeDropout: 0.2,
  wordDropout: 0.2,
  l2: 0.1,
  learningRate: 0.3,
  ensemble: 2,
};

async function labeller(
  marked: readonly string[],
  language: SupportedLanguage,
  seed = 1,
): Promise<(text: string) => string[][]> {
  const trained = await SequenceLabeller.train(
    marked.map(ex).map((e) => {
      const tokens = tokenize(e.text, language);
      const spans = e.entities.map((s) => ({
        entity: s.name,
        start: tokens.findIndex((t) => t.begin === s.begin),
        end: tokens.findIndex((t) => t.end === s.end) + 1,
      }));
      return {
        tokens,
        intent: 'play',
        tags: spansToTags(tokens.length, spans),
        gazetteer: tokens.map(() => []),
        knowledge: tokens.map(() => []),
      };
    }),
    { ...OPTIONS, seed, language },
  );
  return (text) => {
    const tokens = tokenize(text, language);
    return trained
      .label(
        tokens,
        'play',
        tokens.map(() => []),
      )
      .map((s) => [s.entity, text.slice(tokens[s.start]!.begin, tokens[s.end - 1]!.end)]);
  };
}

describe('script features', () => {
  it('keeps a Latin-script name inside Chinese text whole, whatever the seed', async () => {
    // One name of four words, the others of one or two: without knowing where the run of Latin
    // words begins and ends, the labeller cuts a new name of four words into two of two.
    const train = [
      '播放 [Adele](artist) 的 歌',
      '播放 [Nina Simone](artist) 的 歌',
      '我 想 听 [Miles Davis](artist) 的 歌',
      '来 一首 [Lady Gaga](artist) 的 歌',
      '播放 [The Beatles](artist) 的 歌',
      '放 [Daft Punk](artist) 的 歌',
      '播放 [Sting](artist) 的 歌',
      '播放 [Kool And The Gang](artist) 的 歌',
      '我 想 听 [周杰伦](artist) 的 歌',
      '播放 [王菲](artist) 的 歌',
    ];
    for (const seed of [1, 2, 3]) {
      const named = await labeller(train, 'zh', seed);
      expect(named('我 想 听 Crosby Stills Nash And Young 的 歌')).toEqual([
        ['artist', 'Crosby Stills Nash And Young'],
      ]);
      expect(named('播放 Get Your Mind Right 的 歌')).toEqual([['artist', 'Get Your Mind Right']]);
    }
  });

  it('has none for English and the other Latin-script languages, whose features stay as they were', () => {
    for (const language of ['en', 'de', 'nl', 'tr', 'id'] as const)
      expect(scriptFeaturesFor(language)).toBeUndefined();
    for (const language of ['zh', 'ja', 'ar'] as const)
      expect(scriptFeaturesFor(language)).toBeDefined();
  });
});
