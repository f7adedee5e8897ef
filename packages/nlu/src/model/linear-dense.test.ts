import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DenseEncoder } from '../features/dense-encoder.js';
import { tokenize } from '../text/tokenize.js';
import type { TrainingData } from '../types.js';
import { loadModel, saveModel } from './model-artifacts.js';
import { trainModel } from './train-model.js';

// A stand-in for a sentence encoder: its vector says which of two topics a text is about, from
// words the bot's examples never use ("drizzle" is weather, "lasagne" is food), as a real one
// knows synonyms the bot was never shown.
const TOPICS: Record<string, number> = {
  rain: 0,
  sunny: 0,
  forecast: 0,
  cold: 0,
  drizzle: 0,
  pizza: 1,
  burger: 1,
  hungry: 1,
  salad: 1,
  lasagne: 1,
};

function topicEncoder(contextual: boolean): DenseEncoder {
  return {
    id: `topics@${contextual ? 'sentence' : 'words'}`,
    dimensions: 3,
    contextual,
    encode: (texts) =>
      texts.map((text) => {
        const v = new Float32Array([0, 0, 0.2]);
        for (const word of text.toLowerCase().split(/\W+/)) {
          const topic = TOPICS[word];
          if (topic !== undefined) v[topic]! += 1;
        }
        const norm = Math.hypot(...v);
        return v.map((x) => x / norm);
      }),
  };
}

const intent = (intentId: string, texts: string[]) => ({
  intentId,
  name: intentId,
  trainingData: texts.map((text) => ({ text, entities: [] })),
});

const BOT: TrainingData = {
  intents: [
    intent('weather', [
      'will it rain today',
      'is it sunny outside',
      'what is the forecast',
      'is it cold tonight',
      'rain tomorrow?',
      'sunny weekend ahead?',
    ]),
    intent('food', [
      'I want a pizza',
      'order me a burger',
      'I am hungry',
      'a salad please',
      'pizza for two',
      'get me a burger',
    ]),
  ],
  entities: [],
};

/** The linear expert's favourite intent for a message of words the bot was never shown. */
function linearChoice(model: Awaited<ReturnType<typeof trainModel>>, encoder: DenseEncoder) {
  const text = 'any drizzle';
  const [vector] = encoder.encode([text]);
  const { scores } = model.intentModel.expertScores(tokenize(text), [], vector!);
  const linear = scores[3]!;
  return model.intentModel.labels[linear.indexOf(Math.max(...linear))];
}

describe('the linear expert with a sentence encoder', () => {
  it("reads the encoder's vector, so a message of unseen words still points to its intent", async () => {
    const sentence = topicEncoder(true);
    const model = await trainModel(BOT, { seed: 3 }, undefined, { encoder: sentence });
    expect(model.intentModel.artifact.linearReadsDense).toBe(true);
    expect(linearChoice(model, sentence)).toBe('weather');
  });

  it('reads the words only with averaged word vectors', async () => {
    const words = topicEncoder(false);
    const model = await trainModel(BOT, { seed: 3 }, undefined, { encoder: words });
    expect(model.intentModel.artifact.linearReadsDense).toBe(false);
    // No word of "any drizzle" is known: the expert's scores are its biases alone, all but equal.
    const [vector] = words.encode(['any drizzle']);
    const linear = model.intentModel.expertScores(tokenize('any drizzle'), [], vector!).scores[3]!;
    expect(Math.abs(linear[0]! - linear[1]!)).toBeLessThan(0.2);
  });

  it('saves and loads the model, which answers as it did', async () => {
    const sentence = topicEncoder(true);
    const model = await trainModel(BOT, { seed: 3 }, undefined, { encoder: sentence });
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-linear-dense-'));
    try {
      await saveModel(model, dir);
      const part = JSON.parse(await readFile(path.join(dir, 'intent-model.json'), 'utf8'));
      expect(part.shape.linearReadsDense).toBe(true);
      const loaded = await loadModel(dir, { encoder: sentence });
      for (const text of ['any drizzle', 'lasagne please', 'is it sunny'])
        expect(loaded.parseSync(text)).toEqual(model.parseSync(text));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
