import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safetensorsBytes } from './write-safetensors.js';

const HIDDEN = 8;
const INTERMEDIATE = 16;
const MAX_POSITIONS = 16;
export const TINY_VOCAB = [
  '[PAD]',
  '[UNK]',
  '[CLS]',
  '[SEP]',
  '[MASK]',
  'book',
  'a',
  'flight',
  'reserve',
  'plane',
  'ticket',
  'weather',
  'what',
  "'",
  's',
  'the',
  'un',
  '##aff',
  '##able',
  ',',
  '!',
  '?',
  'cafe',
  'hello',
  'world',
  '东',
  '京',
  '-',
];

/**
 * Writes a sentence-transformers folder with a 1-layer, 8-dimensional BERT of seeded random
 * weights and a 28-word vocabulary: everything the loader reads, small enough to build in a
 * test, so loading, validation and encoding are tested where the real weights are absent.
 */
export async function writeTinyEncoder(dir: string, seed = 1): Promise<string> {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
  const tensors: Record<string, { shape: number[]; data: Float32Array }> = {};
  const put = (name: string, shape: number[], fill?: number) => {
    const size = shape.reduce((a, b) => a * b, 1);
    tensors[name] = { shape, data: Float32Array.from({ length: size }, () => fill ?? random()) };
  };
  put('embeddings.word_embeddings.weight', [TINY_VOCAB.length, HIDDEN]);
  put('embeddings.position_embeddings.weight', [MAX_POSITIONS, HIDDEN]);
  put('embeddings.token_type_embeddings.weight', [2, HIDDEN]);
  put('embeddings.LayerNorm.weight', [HIDDEN], 1);
  put('embeddings.LayerNorm.bias', [HIDDEN], 0);
  const at = 'encoder.layer.0';
  for (const name of [
    'attention.self.query',
    'attention.self.key',
    'attention.self.value',
    'attention.output.dense',
  ]) {
    put(`${at}.${name}.weight`, [HIDDEN, HIDDEN]);
    put(`${at}.${name}.bias`, [HIDDEN]);
  }
  put(`${at}.intermediate.dense.weight`, [INTERMEDIATE, HIDDEN]);
  put(`${at}.intermediate.dense.bias`, [INTERMEDIATE]);
  put(`${at}.output.dense.weight`, [HIDDEN, INTERMEDIATE]);
  put(`${at}.output.dense.bias`, [HIDDEN]);
  for (const norm of ['attention.output.LayerNorm', 'output.LayerNorm']) {
    put(`${at}.${norm}.weight`, [HIDDEN], 1);
    put(`${at}.${norm}.bias`, [HIDDEN], 0);
  }
  const config = {
    model_type: 'bert',
    hidden_size: HIDDEN,
    num_hidden_layers: 1,
    num_attention_heads: 2,
    intermediate_size: INTERMEDIATE,
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: 2,
    vocab_size: TINY_VOCAB.length,
    layer_norm_eps: 1e-12,
    hidden_act: 'gelu',
  };
  const tokenizer = {
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(TINY_VOCAB.map((token, id) => [token, id])),
    },
  };
  const pooling = {
    word_embedding_dimension: HIDDEN,
    pooling_mode_cls_token: false,
    pooling_mode_mean_tokens: true,
    pooling_mode_max_tokens: false,
    pooling_mode_mean_sqrt_len_tokens: false,
  };
  await mkdir(path.join(dir, '1_Pooling'), { recursive: true });
  await writeFile(path.join(dir, 'model.safetensors'), safetensorsBytes(tensors));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
  await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(
    path.join(dir, 'sentence_bert_config.json'),
    JSON.stringify({ max_seq_length: 12 }),
  );
  await writeFile(path.join(dir, '1_Pooling/config.json'), JSON.stringify(pooling));
  return dir;
}
