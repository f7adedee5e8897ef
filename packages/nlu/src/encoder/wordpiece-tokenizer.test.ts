import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ENCODER_REFERENCE } from './test-support/reference.js';
import { writeTinyEncoder } from './test-support/write-tiny-encoder.js';
import { createWordPieceTokenizer, ZBertTokenizerJson } from './wordpiece-tokenizer.js';
import type { WordPieceTokenizer } from './wordpiece-tokenizer.js';

const ENCODER_DIR = process.env.NLU_ENCODER_DIR;

const load = async (dir: string): Promise<WordPieceTokenizer> =>
  createWordPieceTokenizer(
    ZBertTokenizerJson.parse(JSON.parse(await readFile(path.join(dir, 'tokenizer.json'), 'utf8'))),
  );

describe('WordPieceTokenizer (a 28-word vocabulary)', () => {
  let dir: string;
  let tokenizer: WordPieceTokenizer;
  beforeAll(async () => {
    dir = await writeTinyEncoder(await mkdtemp(path.join(os.tmpdir(), 'tiny-encoder-')));
    tokenizer = await load(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['Book a FLIGHT!', ['book', 'a', 'flight', '!']],
    ["what's the weather?", ['what', "'", 's', 'the', 'weather', '?']],
    ['unaffable', ['un', '##aff', '##able']],
    ['Café, hello-world', ['cafe', ',', 'hello', '-', 'world']],
    ['东京', ['东', '京']],
    ['hello东京world', ['hello', '东', '京', 'world']],
    ['hel\u0007lo\tworld\u200b', ['hello', 'world']],
    ['bookx flights', ['[UNK]', '[UNK]']],
  ])('splits %j into %j', (text, pieces) => {
    expect(tokenizer.tokenize(text)).toEqual(pieces);
  });

  it('frames the ids with [CLS] and [SEP] and truncates to the maximum length', () => {
    expect(Array.from(tokenizer.encode('book a flight', 16))).toEqual([2, 5, 6, 7, 3]);
    expect(Array.from(tokenizer.encode('book a flight', 4))).toEqual([2, 5, 6, 3]);
    expect(Array.from(tokenizer.encode('   ', 16))).toEqual([2, 3]);
  });
});

if (!ENCODER_DIR) {
  console.warn('NLU_ENCODER_DIR is not set: the all-MiniLM-L6-v2 tokenizer tests are skipped.');
}
(ENCODER_DIR ? describe : describe.skip)(
  'WordPieceTokenizer (all-MiniLM-L6-v2 tokenizer.json)',
  () => {
    let tokenizer: WordPieceTokenizer;
    beforeAll(async () => {
      tokenizer = await load(ENCODER_DIR!);
    });

    it.each(ENCODER_REFERENCE.tokens.map((c) => [c.text, c.ids] as const))(
      'gives %j the ids Hugging Face tokenizers gives',
      (text, ids) => {
        expect(Array.from(tokenizer.encode(text, 256))).toEqual(ids);
      },
    );

    it('knows common words by their vocabulary ids', () => {
      expect(Array.from(tokenizer.encode('hello world', 256))).toEqual([101, 7592, 2088, 102]);
      expect(tokenizer.tokenize('tokenization')).toEqual(['token', '##ization']);
    });
  },
);
