import type { SupportedLanguage } from '@parley/domain';
import type { Token } from '../text/tokenize.js';

// The labeller's data shapes, shared by the labeller and its trainer (which import each other's
// code otherwise in a cycle).

export interface LabellerExample {
  tokens: readonly Token[];
  intent: string;
  /** Gold BILOU tags, one per token. */
  tags: readonly string[];
  /** Gazetteer marks per token (see `labellerFeatures`). */
  gazetteer: readonly (readonly string[])[];
  /** Knowledge marks per token (see `knowledgeMarks`). */
  knowledge: readonly (readonly string[])[];
}

export interface LabellerOptions {
  epochs: number;
  seed: number;
  /** Probability of hiding a gazetteer mark during training, so that unseen values are still learnt from context. */
  gazetteerDropout: number;
  /** Probability of hiding the knowledge marks of a token (countries, cities, time words). */
  knowledgeDropout: number;
  /** Probability of hiding a token's own word features, so that context and shape carry weight too. */
  wordDropout: number;
  /** L2 strength (CRFsuite's c2). */
  l2: number;
  /** Initial SGD learning rate. */
  learningRate: number;
  /** How many CRFs to train and average. */
  ensemble: number;
  /** The examples' language (English reads word-frequency and word-cluster features). */
  language?: SupportedLanguage;
  onEpoch?: (epoch: number, epochs: number) => void;
}

/** Serialisable state: sparse rows of averaged weights (CSR) and the transition matrix. */
export interface LabellerArtifact {
  labels: string[];
  /** Entity types per intent: decoding only considers these labels. */
  intentEntities: Record<string, string[]>;
  features: string[];
  rowOffsets: Int32Array;
  rowLabels: Int32Array;
  rowWeights: Float32Array;
  /** [(labels + 1) × labels]: the last row scores the first tag of a sentence. */
  transitions: Float32Array;
}
