import { namedIn, trainLabeller } from '../test-support/labeller.js';
import { scriptFeaturesFor } from './script-features.js';

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
      const bot = { intent: 'play', language: 'zh' } as const;
      const labeller = await trainLabeller(train, bot, seed);
      const named = (text: string): string[][] => namedIn(labeller, text, bot);
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
