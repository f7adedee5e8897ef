import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DenseEncoder } from '../features/dense-encoder.js';
import type { WordRows } from './bert-forward-tfjs.js';
import { bertWeightsFrom, ZBertConfig } from './bert-weights.js';
import { readSafetensors } from './safetensors.js';
import type { SentenceEncoderParts } from './sentence-encoder.js';
import { SentenceEncoderError } from './sentence-encoder-error.js';
import { createWordPieceTokenizer, ZBertTokenizerJson } from './wordpiece-tokenizer.js';

// The weights scripts/install-encoder.mjs installs; other BERT sentence models load too, under
// a generic name.
const ALL_MINILM_L6_V2_SHA256 = '53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db';
const INSTALL_HINT = 'install it with `npm run encoder:install -- --dir <folder>`';

const ZSentenceBertConfig = z.object({ max_seq_length: z.number().int().positive() });
// Exactly one of the two poolings the forward pass runs: the mean of the tokens
// (all-MiniLM-L6-v2) or the [CLS] token (bge-small-en-v1.5).
const ZPoolingConfig = z
  .object({
    word_embedding_dimension: z.number().int().positive(),
    pooling_mode_mean_tokens: z.boolean(),
    pooling_mode_cls_token: z.boolean(),
    pooling_mode_max_tokens: z.literal(false),
    pooling_mode_mean_sqrt_len_tokens: z.literal(false),
  })
  .refine((p) => p.pooling_mode_mean_tokens !== p.pooling_mode_cls_token, {
    message: 'exactly one of pooling_mode_mean_tokens and pooling_mode_cls_token must be true',
  });
const FILES = [
  'model.safetensors',
  'tokenizer.json',
  'config.json',
  'sentence_bert_config.json',
  '1_Pooling/config.json',
] as const;
type EncoderFile = (typeof FILES)[number];

/**
 * Loads a sentence-transformers BERT model pooled by mean or `[CLS]` (all-MiniLM-L6-v2, as
 * installed by `npm run encoder:install`; BAAI/bge-small-en-v1.5's folder loads too) from a
 * folder, checking every file first: a missing, malformed or inconsistent one fails with a
 * `SentenceEncoderError` naming it. The encoder runs on TF.js's
 * WASM backend; its `id` names the model and a SHA-256 of its files.
 *
 * @example
 * const encoder = await loadSentenceEncoder('.data/encoders/all-MiniLM-L6-v2');
 * const [a, b] = encoder.encode(['book a flight', 'reserve a plane ticket']);
 * // a and b are 384-dimensional unit vectors; their dot product is the cosine similarity
 */
export async function loadSentenceEncoder(dir: string): Promise<DenseEncoder> {
  const tf = await loadTf();
  const parts = await readEncoder(dir, tf);
  const { onWasm } = tf;
  // The first pass packs every kernel for XNNPACK and compiles the JS (about 100 ms): at load,
  // not in the first message a bot parses; once the model file's bytes are out of reach.
  onWasm(() => parts.forward.embedBatch([parts.tokenizer.encode('hello', 3)]));
  return tf.createSentenceEncoder(parts);
}

/**
 * The modules that run on TF.js, imported only when a bot uses the encoder: TF.js costs a
 * process about 60 MB of memory, which a bot on the default word vectors never needs.
 */
async function loadTf() {
  const [wasm, forward, encoder] = await Promise.all([
    import('./wasm-backend.js'),
    import('./bert-forward-tfjs.js'),
    import('./sentence-encoder.js'),
  ]);
  return { ...wasm, ...forward, ...encoder };
}

async function readEncoder(
  dir: string,
  { initWasmBackend, onWasm, createTfBertForward }: Awaited<ReturnType<typeof loadTf>>,
): Promise<SentenceEncoderParts> {
  const bytes = await readAll(dir);
  const json = <S extends z.ZodType>(file: EncoderFile, schema: S): z.infer<S> => {
    let value: unknown;
    try {
      value = JSON.parse(bytes[file].toString('utf8'));
    } catch {
      throw new SentenceEncoderError(file, 'is not valid JSON');
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new SentenceEncoderError(
      file,
      `is not supported: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  };
  const config = json('config.json', ZBertConfig);
  const { max_seq_length: maxSeqLength } = json('sentence_bert_config.json', ZSentenceBertConfig);
  const pooling = json('1_Pooling/config.json', ZPoolingConfig);
  const tokenizer = createWordPieceTokenizer(json('tokenizer.json', ZBertTokenizerJson));
  if (pooling.word_embedding_dimension !== config.hidden_size) {
    throw new SentenceEncoderError('1_Pooling/config.json', 'does not match hidden_size');
  }
  const weights = guard('model.safetensors', () =>
    bertWeightsFrom(readSafetensors(bytes['model.safetensors']), config),
  );
  await initWasmBackend();
  const wordRows = wordRowsFromFile(
    path.join(dir, 'model.safetensors'),
    bytes['model.safetensors'],
    weights.wordEmbeddings,
    config.hidden_size,
  );
  const forward = onWasm(() =>
    createTfBertForward(weights, wordRows, pooling.pooling_mode_cls_token ? 'cls' : 'mean'),
  );
  return {
    id: encoderId(bytes),
    dimensions: config.hidden_size,
    maxTokens: Math.min(maxSeqLength, config.max_position_embeddings),
    tokenizer,
    forward,
  };
}

async function readAll(dir: string): Promise<Record<EncoderFile, Buffer>> {
  const entries = await Promise.all(
    FILES.map(async (file) => {
      try {
        return [file, await readFile(path.join(dir, file))] as const;
      } catch {
        throw new SentenceEncoderError(file, `is missing in ${dir}; ${INSTALL_HINT}`);
      }
    }),
  );
  return Object.fromEntries(entries) as Record<EncoderFile, Buffer>;
}

/**
 * Word-embedding rows read from the model file when a batch needs them (a few hundred reads of
 * 1.5 KB, from the page cache, per batch): kept in the WASM heap, which never shrinks, they
 * would cost the process 47 MB of RSS for the whole of its life. Only for float32 rows stored
 * in place in the file (all-MiniLM-L6-v2's); otherwise, undefined: they become a tensor.
 * The file stays open as long as the encoder is alive.
 */
function wordRowsFromFile(
  file: string,
  bytes: Buffer,
  embeddings: Float32Array,
  hidden: number,
): WordRows | undefined {
  if (embeddings.buffer !== bytes.buffer) return undefined;
  const start = embeddings.byteOffset - bytes.byteOffset;
  const rowBytes = hidden * Float32Array.BYTES_PER_ELEMENT;
  const rows = embeddings.length / hidden;
  const fd = openSync(file, 'r');
  const wordRows: WordRows = (ids, out) => {
    const target = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (id < 0 || id >= rows)
        throw new SentenceEncoderError('model.safetensors', `has no row ${id}`);
      const read = readSync(fd, target, k * rowBytes, rowBytes, start + id * rowBytes);
      if (read !== rowBytes) {
        throw new SentenceEncoderError('model.safetensors', 'was cut short after it was loaded');
      }
    }
  };
  closeWhenCollected.register(wordRows, fd);
  return wordRows;
}

const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));

function guard<T>(file: EncoderFile, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new SentenceEncoderError(file, `is corrupt: ${(err as Error).message}`);
  }
}

/** The model's name and a hash of every file that changes its vectors. */
function encoderId(bytes: Record<EncoderFile, Buffer>): string {
  const weights = createHash('sha256').update(bytes['model.safetensors']).digest('hex');
  const all = createHash('sha256');
  for (const file of FILES) all.update(`${file}\0`).update(bytes[file]);
  const name = weights === ALL_MINILM_L6_V2_SHA256 ? 'all-MiniLM-L6-v2' : 'sentence-bert';
  return `${name}@${all.digest('hex').slice(0, 16)}`;
}
