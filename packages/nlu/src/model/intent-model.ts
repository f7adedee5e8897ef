import type { EmbeddingBagOptions, EmbeddingBagWeights, EpochReport } from '../classifiers/embedding-bag-classifier.js';
import { embeddingBagLogits, softmax, trainEmbeddingBag } from '../classifiers/embedding-bag-classifier.js';
import { textFeatures } from '../features/text-features.js';
import type { TextFeatureOptions } from '../features/text-features.js';
import { SparseVectorizer } from '../features/sparse-vectorizer.js';
import type { SparseVector, VectorizerArtifact } from '../features/sparse-vectorizer.js';
import type { Token } from '../text/tokenize.js';

export interface IntentModelArtifact {
  labels: string[];
  featureOptions: TextFeatureOptions;
  vectorizer: VectorizerArtifact;
  weights: EmbeddingBagWeights;
  /** Softmax temperature fitted on held-out examples. */
  temperature: number;
}

export interface IntentPrediction {
  /** Probabilities per label index. */
  probabilities: Float32Array;
  /** Share of the message's feature mass that the vocabulary knows (0..1). */
  coverage: number;
}

/** Intent classifier: text features (+ entity-type features) → TF-IDF → embedding-bag MLP. */
export class IntentModel {
  private readonly vectorizer: SparseVectorizer;

  constructor(readonly artifact: IntentModelArtifact) {
    this.vectorizer = new SparseVectorizer(artifact.vectorizer);
  }

  static async train(
    docs: Array<{ tokens: readonly Token[]; extra: readonly string[]; label: number }>,
    labels: string[],
    featureOptions: TextFeatureOptions,
    vocabulary: { minCount: number; maxFeatures: number },
    options: EmbeddingBagOptions,
    onEpoch?: (r: EpochReport) => void,
  ): Promise<IntentModel> {
    const features = docs.map((d) => [...textFeatures(d.tokens, featureOptions), ...d.extra]);
    const vectorizer = SparseVectorizer.fit(features, vocabulary.minCount, vocabulary.maxFeatures);
    const vectors = features.map((f) => vectorizer.transform(f));
    const weights = await trainEmbeddingBag(
      vectors,
      docs.map((d) => d.label),
      vectorizer.size,
      labels.length,
      options,
      onEpoch,
    );
    return new IntentModel({ labels, featureOptions, vectorizer: vectorizer.toArtifact(), weights, temperature: 1 });
  }

  get labels(): string[] {
    return this.artifact.labels;
  }

  vectorize(tokens: readonly Token[], extra: readonly string[]): { vector: SparseVector; coverage: number } {
    const words = tokens.filter((t) => t.kind !== 'punct');
    const strings = [...textFeatures(tokens, this.artifact.featureOptions), ...extra];
    const vector = this.vectorizer.transform(strings);
    const known = words.filter((t) => this.vectorizer.has(`w:${t.norm}`)).length;
    return { vector, coverage: words.length === 0 ? 0 : known / words.length };
  }

  predict(tokens: readonly Token[], extra: readonly string[]): IntentPrediction {
    const { vector, coverage } = this.vectorize(tokens, extra);
    if (vector.ids.length === 0) {
      return { probabilities: new Float32Array(this.labels.length).fill(1 / this.labels.length), coverage: 0 };
    }
    const logits = embeddingBagLogits(this.artifact.weights, vector);
    return { probabilities: softmax(logits, this.artifact.temperature), coverage };
  }
}
