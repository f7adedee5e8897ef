import { z } from 'zod';
import type { FloatTensor } from './safetensors.js';

/** The fields of a Hugging Face BERT `config.json` the forward pass depends on. */
export const ZBertConfig = z.object({
  model_type: z.literal('bert'),
  hidden_size: z.number().int().positive(),
  num_hidden_layers: z.number().int().positive(),
  num_attention_heads: z.number().int().positive(),
  intermediate_size: z.number().int().positive(),
  max_position_embeddings: z.number().int().positive(),
  type_vocab_size: z.number().int().positive(),
  vocab_size: z.number().int().positive(),
  layer_norm_eps: z.number().positive(),
  hidden_act: z.literal('gelu'),
  position_embedding_type: z.literal('absolute').default('absolute'),
});
export type BertConfig = z.infer<typeof ZBertConfig>;

/** A dense layer as PyTorch stores it: `weight` is [out, in], row-major. */
export interface Linear {
  readonly weight: Float32Array;
  readonly bias: Float32Array;
  readonly inSize: number;
  readonly outSize: number;
}
export interface LayerNormWeights {
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
}
export interface BertLayerWeights {
  readonly query: Linear;
  readonly key: Linear;
  readonly value: Linear;
  readonly attentionOutput: Linear;
  readonly attentionNorm: LayerNormWeights;
  readonly intermediate: Linear;
  readonly output: Linear;
  readonly outputNorm: LayerNormWeights;
}
export interface BertWeights {
  readonly config: BertConfig;
  readonly wordEmbeddings: Float32Array;
  readonly positionEmbeddings: Float32Array;
  readonly tokenTypeEmbeddings: Float32Array;
  readonly embeddingNorm: LayerNormWeights;
  readonly layers: readonly BertLayerWeights[];
}

/**
 * Picks BERT's tensors out of a safetensors file by their Hugging Face names (with or without
 * the `bert.` prefix) and checks every shape against `config.json`, so a file of another model
 * fails here with the tensor's name rather than as garbage vectors later.
 */
export function bertWeightsFrom(
  tensors: Map<string, FloatTensor>,
  config: BertConfig,
): BertWeights {
  const prefix = tensors.has('bert.embeddings.word_embeddings.weight') ? 'bert.' : '';
  const tensor = (name: string, shape: readonly number[]): Float32Array => {
    const found = tensors.get(prefix + name);
    if (!found) throw new Error(`has no tensor ${prefix + name}`);
    if (found.shape.join('×') !== shape.join('×')) {
      throw new Error(`${name} is ${found.shape.join('×')}, config.json says ${shape.join('×')}`);
    }
    return found.data;
  };
  const h = config.hidden_size;
  const linear = (name: string, inSize: number, outSize: number): Linear => ({
    weight: tensor(`${name}.weight`, [outSize, inSize]),
    bias: tensor(`${name}.bias`, [outSize]),
    inSize,
    outSize,
  });
  const norm = (name: string): LayerNormWeights => ({
    gamma: tensor(`${name}.weight`, [h]),
    beta: tensor(`${name}.bias`, [h]),
  });
  if (h % config.num_attention_heads !== 0) {
    throw new Error(`hidden_size ${h} is not a multiple of num_attention_heads`);
  }
  const layers = Array.from({ length: config.num_hidden_layers }, (_, i) => {
    const at = `encoder.layer.${i}`;
    return {
      query: linear(`${at}.attention.self.query`, h, h),
      key: linear(`${at}.attention.self.key`, h, h),
      value: linear(`${at}.attention.self.value`, h, h),
      attentionOutput: linear(`${at}.attention.output.dense`, h, h),
      attentionNorm: norm(`${at}.attention.output.LayerNorm`),
      intermediate: linear(`${at}.intermediate.dense`, h, config.intermediate_size),
      output: linear(`${at}.output.dense`, config.intermediate_size, h),
      outputNorm: norm(`${at}.output.LayerNorm`),
    };
  });
  return {
    config,
    wordEmbeddings: tensor('embeddings.word_embeddings.weight', [config.vocab_size, h]),
    positionEmbeddings: tensor('embeddings.position_embeddings.weight', [
      config.max_position_embeddings,
      h,
    ]),
    tokenTypeEmbeddings: tensor('embeddings.token_type_embeddings.weight', [
      config.type_vocab_size,
      h,
    ]),
    embeddingNorm: norm('embeddings.LayerNorm'),
    layers,
  };
}
