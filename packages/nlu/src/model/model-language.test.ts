import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidTrainingDataError } from '../errors.js';
import type { TrainingData } from '../types.js';
import { knowledgeFingerprint } from '../knowledge/knowledge-marks.js';
import { hashTrainingData } from './hash-training-data.js';
import { trainedWith } from '../test-support/library-versions.js';
import { loadModel, readManifest, saveModel } from './model-artifacts.js';
import { trainModel } from './train-model.js';

const REFERENCE = { referenceTime: new Date('2026-12-01T10:00:00Z'), timeZone: 'Asia/Shanghai' };

/** Examples written with the annotated value in brackets: "提醒我[开会]". */
function examples(
  entity: string,
  texts: string[],
): TrainingData['intents'][number]['trainingData'] {
  return texts.map((t) => {
    const begin = t.indexOf('[');
    const end = t.indexOf(']') - 1;
    const text = t.replace(/[[\]]/g, '');
    return {
      text,
      entities: begin < 0 ? [] : [{ name: entity, value: text.slice(begin, end), begin, end }],
    };
  });
}

const chineseBot = (): TrainingData => ({
  language: 'zh-CN',
  intents: [
    {
      intentId: 'weather',
      name: 'weather',
      trainingData: examples('city', [
        '[北京]今天天气怎么样',
        '[上海]会下雨吗',
        '明天[广州]热吗',
        '[深圳]的天气预报',
        '告诉我[杭州]的天气',
      ]),
    },
    {
      intentId: 'reminder',
      name: 'reminder',
      trainingData: examples('todo', [
        '提醒我[开会]',
        '提醒我去[买菜]',
        '明天提醒我[打电话]',
        '设置一个[吃药]的提醒',
        '记得提醒我[交报告]',
      ]),
    },
  ],
  entities: [],
  systemEntities: ['sys.datetime'],
});

describe('a model in the bot language', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'parley-nlu-lang-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('learns Chinese words and dates, and keeps its language in the manifest', async () => {
    const model = await trainModel(chineseBot(), { seed: 3 });
    const { manifest } = await saveModel(model, dir);
    expect(manifest.language).toBe('zh');
    expect((await readManifest(dir)).language).toBe('zh');
    // The labeller read jieba's dictionary: a model trained with another one says so.
    expect(manifest.libraryVersions['chinese-lexicon']).toMatch(/^jieba-0\.42\.1\//);
    const loaded = await loadModel(dir);
    const result = await loaded.parse('南京明天天气怎么样', REFERENCE);
    expect(result.intent.name).toBe('weather');
    expect(result.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'city', raw: '南京', begin: 0, end: 2 }),
      ]),
    );
    const reminder = await loaded.parse('明天早上八点提醒我开会', REFERENCE);
    expect(reminder.intent.name).toBe('reminder');
    expect(reminder.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'sys.datetime',
          raw: '明天早上八点',
          value: '2026-12-02T08:00:00+08:00',
        }),
      ]),
    );
    expect(loaded.warnings).toEqual([]);
    expect(trainedWith(model, { 'chinese-lexicon': undefined }).warnings).toEqual([
      expect.stringMatching(/chinese-lexicon \(none\), running with jieba.*train the bot again/),
    ]);
  });

  it('gives no system-entity warning in a language read through a rewrite (Thai ordinals too)', async () => {
    const thai = {
      ...chineseBot(),
      language: 'th',
      systemEntities: ['sys.datetime', 'sys.number', 'sys.ordinal'],
    };
    const model = await trainModel(thai as TrainingData, { seed: 3 });
    expect(model.warnings).toEqual([]);
  });

  it('hashes the primary language: another language is another model, a region is not', () => {
    const bot = chineseBot();
    expect(hashTrainingData({ ...bot, language: 'zh-TW' })).toBe(hashTrainingData(bot));
    expect(hashTrainingData({ ...bot, language: 'ja' })).not.toBe(hashTrainingData(bot));
    // A Chinese model is only as current as the dictionary its labeller read.
    expect(knowledgeFingerprint('zh')['chinese-lexicon']).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a language Parley does not support', async () => {
    await expect(trainModel({ ...chineseBot(), language: 'tlh' })).rejects.toThrow(
      InvalidTrainingDataError,
    );
  });
});
