import { readFileSync } from 'node:fs';

/** Token ids and vectors from implementations sharing no code with Parley's (see its producer). */
export interface EncoderReference {
  readonly producedBy: string;
  readonly tokens: readonly { text: string; ids: number[] }[];
  readonly vectors: readonly { text: string; vector: number[] }[];
}

export const ENCODER_REFERENCE = JSON.parse(
  readFileSync(new URL('./all-minilm-l6-v2-reference.json', import.meta.url), 'utf8'),
) as EncoderReference;
