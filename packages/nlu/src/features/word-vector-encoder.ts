import { tokenize } from '../text/tokenize.js';
import { WORD_VECTORS_NAME, wordVectors, wordVectorsDigest } from '../knowledge/word-vectors.js';
import type { SupportedLanguage } from '@parley/domain';
import type { DenseEncoder } from './dense-encoder.js';

/**
 * The default `DenseEncoder`: the SIF-weighted average of a message's word vectors (distilled
 * from bge-small-en-v1.5 for the 40k most frequent English words, `data/word-vectors.bin.gz`),
 * L2-normalised. A word nobody taught the bot still lands near its synonyms ("purchase" near
 * "buy"). The table is read once per process, on the first message encoded or when its
 * dimensions are first asked for.
 * @example
 * const [v] = createWordVectorEncoder().encode(['wake me up at seven']);
 */
export function createWordVectorEncoder(): DenseEncoder {
  const id = `${WORD_VECTORS_NAME}@${wordVectorsDigest()}`;
  return {
    id,
    get dimensions() {
      return wordVectors().dimensions;
    },
    encode: (texts) => texts.map(encodeOne),
  };
}

/** What a bot trains with when no encoder is given: the shipped vectors are English only. */
export function defaultEncoderFor(language: SupportedLanguage): DenseEncoder | null {
  return language === 'en' ? createWordVectorEncoder() : null;
}

function encodeOne(text: string): Float32Array {
  const table = wordVectors();
  const dims = table.dimensions;
  const out = new Float32Array(dims);
  for (const token of tokenize(text)) {
    if (token.kind === 'punct') continue;
    const row = table.rowOf(token.norm);
    if (row < 0) continue;
    table.addRow(row, table.sifWeights[row]!, out);
  }
  let norm = 0;
  for (const x of out) norm += x * x;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dims; j++) out[j]! *= scale;
  }
  return out;
}
