import { cp, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { DenseEncoder } from '../features/dense-encoder.js';
import { loadSentenceEncoder } from './load-sentence-encoder.js';
import { SentenceEncoderError } from './sentence-encoder-error.js';
import { ENCODER_REFERENCE } from './test-support/reference.js';
import { writeTinyEncoder } from './test-support/write-tiny-encoder.js';

const ENCODER_DIR = process.env.NLU_ENCODER_DIR;

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i]! * b[i]!;
  return sum;
};
const tmpDir = () => mkdtemp(path.join(os.tmpdir(), 'sentence-encoder-'));

describe('loadSentenceEncoder (a tiny random BERT)', () => {
  let dir: string;
  let encoder: DenseEncoder;
  beforeAll(async () => {
    dir = await writeTinyEncoder(await tmpDir());
    encoder = await loadSentenceEncoder(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('encodes texts as unit vectors of the model size, names the weights by a hash', () => {
    const [vector] = encoder.encode(['book a flight']);
    expect(encoder.dimensions).toBe(8);
    expect(vector).toHaveLength(8);
    expect(dot(vector!, vector!)).toBeCloseTo(1, 5);
    expect(encoder.id).toMatch(/^sentence-bert@[0-9a-f]{16}$/);
  });

  it('gives the same vector for a text alone or in a batch of longer ones', () => {
    // A trailing space: the same word pieces, not the same text, so not the cached vector.
    const alone = encoder.encode(['a flight '])[0]!;
    const batch = encoder.encode(['book a flight what the weather', 'a flight', 'hello world']);
    expect(dot(batch[1]!, alone)).toBeCloseTo(1, 5);
    expect(Array.from(batch[1]!).map((x) => x.toFixed(5))).toEqual(
      Array.from(alone).map((x) => x.toFixed(5)),
    );
  });

  it('returns vectors the caller may change without changing later answers', () => {
    const first = encoder.encode(['book a flight'])[0]!;
    const kept = Array.from(first);
    first.fill(7);
    expect(Array.from(encoder.encode(['book a flight'])[0]!)).toEqual(kept);
    const [again, twice] = encoder.encode(['book a flight', 'book a flight']);
    again!.fill(0);
    expect(Array.from(twice!)).toEqual(kept);
  });

  it('answers all zeros for a text without a single known word piece (empty, spaces, emoji)', () => {
    const [empty, spaces, emoji, real] = encoder.encode(['', ' \t ', '🙂 🙃', 'hello']);
    expect(Array.from(empty!)).toEqual(new Array(8).fill(0));
    expect(Array.from(spaces!)).toEqual(new Array(8).fill(0));
    expect(Array.from(emoji!)).toEqual(new Array(8).fill(0));
    expect(dot(real!, real!)).toBeCloseTo(1, 5);
    expect(encoder.encode([])).toEqual([]);
  });

  it('is deterministic, and other weights get another id', async () => {
    const other = await writeTinyEncoder(await tmpDir(), 2);
    try {
      const again = await loadSentenceEncoder(dir);
      const different = await loadSentenceEncoder(other);
      expect(again.id).toBe(encoder.id);
      expect(again.encode(['hello world'])).toEqual(encoder.encode(['hello world']));
      expect(different.id).not.toBe(encoder.id);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('pools the [CLS] token when the model says so (bge-small-en-v1.5 does)', async () => {
    const cls = await tmpDir();
    try {
      await cp(dir, cls, { recursive: true });
      const poolingFile = path.join(cls, '1_Pooling/config.json');
      const pooling = JSON.parse(await readFile(poolingFile, 'utf8'));
      await writeFile(
        poolingFile,
        JSON.stringify({
          ...pooling,
          pooling_mode_cls_token: true,
          pooling_mode_mean_tokens: false,
        }),
      );
      const byCls = await loadSentenceEncoder(cls);
      const [vector] = byCls.encode(['book a flight']);
      expect(dot(vector!, vector!)).toBeCloseTo(1, 5);
      expect(dot(vector!, encoder.encode(['book a flight'])[0]!)).toBeLessThan(0.999);
      expect(byCls.id).not.toBe(encoder.id);
    } finally {
      await rm(cls, { recursive: true, force: true });
    }
  });

  it('runs on WASM and leaves the backend the classifier chose active', async () => {
    await tf.setBackend('cpu');
    const onCpu = tf.tensor1d([1, 2]);
    const vector = encoder.encode(['hello'])[0]!;
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(onCpu.dataSync())).toEqual([1, 2]);
    onCpu.dispose();
    expect(encoder.encode(['hello'])[0]).toEqual(vector);
  });

  describe('a folder that is not right fails naming the file', () => {
    const broken = async (change: (dir: string) => Promise<void>) => {
      const copy = await tmpDir();
      await cp(dir, copy, { recursive: true });
      await change(copy);
      try {
        return await loadSentenceEncoder(copy).then(
          () => undefined,
          (err: unknown) => err,
        );
      } finally {
        await rm(copy, { recursive: true, force: true });
      }
    };
    const json =
      (file: string, edit: (value: Record<string, unknown>) => void) => async (d: string) => {
        const value = JSON.parse(await readFile(path.join(d, file), 'utf8'));
        edit(value);
        await writeFile(path.join(d, file), JSON.stringify(value));
      };

    it.each([
      [
        'a missing weights file',
        (d: string) => rm(path.join(d, 'model.safetensors')),
        /model\.safetensors is missing in .*npm run encoder:install/,
      ],
      [
        'weights cut short',
        async (d: string) => {
          const file = path.join(d, 'model.safetensors');
          await truncate(file, (await stat(file)).size - 100);
        },
        /model\.safetensors is corrupt: .*byte range/,
      ],
      [
        'a tokenizer.json that is not JSON',
        (d: string) => writeFile(path.join(d, 'tokenizer.json'), '{"model":'),
        /tokenizer\.json is not valid JSON/,
      ],
      [
        'another tokenizer model',
        json('tokenizer.json', (v) => {
          (v.model as Record<string, unknown>).type = 'BPE';
        }),
        /tokenizer\.json is not supported: model\.type/,
      ],
      [
        'another activation',
        json('config.json', (v) => {
          v.hidden_act = 'relu';
        }),
        /config\.json is not supported: hidden_act/,
      ],
      [
        'weights of another size',
        json('config.json', (v) => {
          v.intermediate_size = 32;
        }),
        /model\.safetensors is corrupt: .*intermediate\.dense\.weight is 16×8, config\.json says 32×8/,
      ],
      [
        'max pooling',
        json('1_Pooling/config.json', (v) => {
          v.pooling_mode_max_tokens = true;
          v.pooling_mode_mean_tokens = false;
        }),
        /1_Pooling\/config\.json is not supported: pooling_mode_max_tokens/,
      ],
      [
        'both mean and CLS pooling',
        json('1_Pooling/config.json', (v) => {
          v.pooling_mode_cls_token = true;
        }),
        /1_Pooling\/config\.json is not supported: .*exactly one of pooling_mode_mean_tokens and pooling_mode_cls_token/,
      ],
    ])('%s', async (_, change, message) => {
      const err = await broken(change);
      expect(err).toBeInstanceOf(SentenceEncoderError);
      expect((err as SentenceEncoderError).code).toBe('SENTENCE_ENCODER_INVALID');
      expect((err as Error).message).toMatch(message);
    });
  });
});

if (!ENCODER_DIR) {
  console.warn(
    'NLU_ENCODER_DIR is not set: the all-MiniLM-L6-v2 tests are skipped ' +
      '(npm run encoder:install -- --dir DIR, then NLU_ENCODER_DIR=DIR).',
  );
}
(ENCODER_DIR ? describe : describe.skip)('loadSentenceEncoder (all-MiniLM-L6-v2)', () => {
  let encoder: DenseEncoder;
  const similarity = (a: string, b: string) => {
    const [x, y] = encoder.encode([a, b]);
    return dot(x!, y!);
  };
  beforeAll(async () => {
    encoder = await loadSentenceEncoder(ENCODER_DIR!);
  });

  it('is named for its weights', () => {
    expect(encoder.id).toMatch(/^all-MiniLM-L6-v2@[0-9a-f]{16}$/);
    expect(encoder.dimensions).toBe(384);
  });

  it.each(ENCODER_REFERENCE.vectors.map((r) => [r.text, r.vector] as const))(
    'encodes %j as ONNX Runtime does (cosine ≥ 1 − 1e-5: float rounding, nothing more)',
    (text, vector) => {
      expect(dot(encoder.encode([text])[0]!, vector)).toBeGreaterThanOrEqual(0.99999);
    },
  );

  it('encodes a batch as it encodes each text alone', () => {
    const texts = ENCODER_REFERENCE.vectors.map((r) => r.text);
    const batch = encoder.encode(texts);
    texts.forEach((text, i) => {
      expect(dot(batch[i]!, ENCODER_REFERENCE.vectors[i]!.vector)).toBeGreaterThanOrEqual(0.99999);
      // A trailing space: the same word pieces, not the same text, so not the cached vector.
      expect(Array.from(batch[i]!)).toEqual(Array.from(encoder.encode([`${text} `])[0]!));
    });
  });

  it('puts paraphrases closer together than unrelated messages', () => {
    const flight = similarity('book a flight', 'reserve a plane ticket');
    expect(flight).toBeGreaterThan(similarity('book a flight', "what's the weather"));
    expect(flight).toBeGreaterThan(0.5);
    expect(similarity('cancel my order', 'I want to cancel the purchase')).toBeGreaterThan(
      similarity('cancel my order', 'play some jazz music'),
    );
    expect(
      similarity('wake me up at 7 am', 'set an alarm for seven in the morning'),
    ).toBeGreaterThan(similarity('wake me up at 7 am', 'how tall is the eiffel tower'));
  });

  it('is deterministic', () => {
    expect(encoder.encode(['hello world', 'book a flight'])).toEqual(
      encoder.encode(['hello world', 'book a flight']),
    );
  });
});
