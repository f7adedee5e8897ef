import type { DenseEncoder } from '../features/dense-encoder.js';
import type { TfBertForward } from './bert-forward-tfjs.js';
import { onWasm } from './wasm-backend.js';
import type { WordPieceTokenizer } from './wordpiece-tokenizer.js';

// Sequences per forward pass are capped by their padded token count: the WASM heap grows to
// the largest batch and never shrinks, and bigger batches are not faster on one core.
const BATCH_TOKENS = 512;
const MAX_BATCH = 32;

export interface SentenceEncoderParts {
  readonly id: string;
  readonly dimensions: number;
  readonly maxTokens: number;
  readonly tokenizer: WordPieceTokenizer;
  readonly forward: TfBertForward;
}

/**
 * A `DenseEncoder` over a BERT sentence model: WordPiece ids → forward pass → mean pooling →
 * L2 norm. Texts are encoded in batches of similar length (sorted, so little padding), and a
 * text without a single word piece (empty, only spaces or control characters) is all zeros.
 */
export function createSentenceEncoder(parts: SentenceEncoderParts): DenseEncoder {
  const { tokenizer, forward, maxTokens, dimensions } = parts;
  return {
    id: parts.id,
    dimensions,
    encode(texts) {
      const ids = texts.map((text) => tokenizer.encode(text, maxTokens));
      const out: Float32Array[] = texts.map(() => new Float32Array(dimensions));
      const order = ids
        .map((seq, i) => ({ seq, i }))
        .filter(({ seq }) => seq.length > 2)
        .sort((a, b) => a.seq.length - b.seq.length);
      onWasm(() => {
        for (let start = 0; start < order.length;) {
          const longest = order[Math.min(order.length, start + MAX_BATCH) - 1]!.seq.length;
          const size = Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_TOKENS / longest)));
          const batch = order.slice(start, start + size);
          forward.embedBatch(batch.map(({ seq }) => seq)).forEach((vector, k) => {
            out[batch[k]!.i] = vector;
          });
          start += size;
        }
      });
      return out;
    },
  };
}
