/**
 * Pretrained meaning for a message as one fixed-size vector, so that words a bot was never shown
 * still land near the words it was: the default word vectors (SIF-weighted averages of static
 * vectors distilled from a sentence encoder) or an installed sentence encoder. Training records
 * `id` in the model manifest; a model trained with one encoder is parsed with the same one.
 */
export interface DenseEncoder {
  /** Names the encoder and its weights: "bge-static-sif-256d@<sha>", "all-MiniLM-L6-v2@<sha>"… */
  readonly id: string;
  readonly dimensions: number;
  /**
   * Whether its vector reads the words in their context (a sentence encoder), not as an
   * average of word vectors: such a vector is also a feature of the linear intent expert.
   */
  readonly contextual?: boolean;
  /** The libraries it runs on, by name, with their versions: recorded in the model manifest. */
  readonly libraries?: Readonly<Record<string, string>>;
  /** One vector per text, L2-normalised; all zeros when the encoder knows nothing of the text. */
  encode(texts: readonly string[]): Float32Array[];
}
