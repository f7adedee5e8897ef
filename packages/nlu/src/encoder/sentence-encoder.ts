import { version as tfVersion } from '@tensorflow/tfjs';
import { LRUCache } from 'lru-cache';
import type { DenseEncoder } from '../features/dense-encoder.js';
import type { TfBertForward } from './bert-forward-tfjs.js';
import { onWasm } from './wasm-backend.js';
import type { WordPieceTokenizer } from './wordpiece-tokenizer.js';

// Sequences per forward pass are capped by their padded token count: the WASM heap grows to
// the largest batch and never shrinks, and bigger batches are not faster on one core.
const BATCH_TOKENS = 512;
const MAX_BATCH = 32;
// Cross-validation trains a bot several times on the same utterances, and a message is parsed
// again when a conversation is replayed: 20k vectors are 31 MB and spare minutes of encoding.
const CACHE_ENTRIES = 20_000;

export interface SentenceEncoderParts {
  readonly id: string;
  readonly dimensions: number;
  readonly maxTokens: number;
  readonly tokenizer: WordPieceTokenizer;
  readonly forward: TfBertForward;
}

/**
 * A `DenseEncoder` over a BERT sentence model: WordPiece ids → forward pass → pooling (mean or
 * `[CLS]`) → L2 norm. Texts are encoded in batches of similar length (sorted, so little
 * padding), and a text without a single known word piece (empty, only spaces, control
 * characters or words the vocabulary cannot spell, such as emoji) is all zeros: its vector
 * would only say "unknown". Recent vectors are remembered by text; each call returns fresh
 * arrays the caller may change.
 */
export function createSentenceEncoder(parts: SentenceEncoderParts): DenseEncoder {
  const { tokenizer, forward, maxTokens, dimensions } = parts;
  // Between [CLS] and [SEP], at least one piece that is not [UNK].
  const knowsSomething = (seq: Int32Array) =>
    seq.subarray(1, -1).some((id) => id !== tokenizer.unknownId);
  const cache = new LRUCache<string, Float32Array>({ max: CACHE_ENTRIES });
  return {
    id: parts.id,
    dimensions,
    contextual: true,
    libraries: { '@tensorflow/tfjs': tfVersion.tfjs },
    encode(texts) {
      const out = texts.map((text) => cache.get(text)?.slice());
      const todo = texts
        .flatMap((text, i) => (out[i] ? [] : [{ i, seq: tokenizer.encode(text, maxTokens) }]))
        .filter(({ seq }) => knowsSomething(seq))
        .sort((a, b) => a.seq.length - b.seq.length);
      onWasm(() => {
        for (let start = 0; start < todo.length;) {
          const longest = todo[Math.min(todo.length, start + MAX_BATCH) - 1]!.seq.length;
          const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_TOKENS / longest)));
          const batch = todo.slice(start, start + size);
          forward.embedBatch(batch.map(({ seq }) => seq)).forEach((vector, k) => {
            const { i } = batch[k]!;
            cache.set(texts[i]!, vector);
            out[i] = vector.slice();
          });
          start += size;
        }
      });
      return out.map((vector) => vector ?? new Float32Array(dimensions));
    },
  };
}
