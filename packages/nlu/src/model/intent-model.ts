import { z } from 'zod';
import type {
  EmbeddingBagOptions,
  EmbeddingBagWeights,
  EpochReport,
} from '../classifiers/embedding-bag-classifier.js';
import {
  embeddingBagLogits,
  softmax,
  trainEmbeddingBag,
} from '../classifiers/embedding-bag-classifier.js';
import { textFeatures } from '../features/text-features.js';
import { mapYielding, yieldIfDue } from '../util/event-loop.js';
import type { TextFeatureOptions } from '../features/text-features.js';
import { SparseVectorizer } from '../features/sparse-vectorizer.js';
import type { SparseVector, VectorizerArtifact } from '../features/sparse-vectorizer.js';
import type { Token } from '../text/tokenize.js';
import { ModelCorruptError } from '../errors.js';
import { readPart } from '../util/persisted.js';
import type { Persisted, StoredArrays } from '../util/persisted.js';

export interface IntentModelArtifact {
  labels: string[];
  featureOptions: TextFeatureOptions;
  vectorizer: VectorizerArtifact;
  weights: EmbeddingBagWeights;
  /** Softmax temperature of the MLP. */
  temperature: number;
  /** Per-intent mean TF-IDF vectors (L2-normalised), CSR by feature: the nearest-centroid half of the ensemble. */
  centroids: { offsets: Int32Array; classes: Int32Array; values: Float32Array };
  /** Weight of the nearest-centroid probabilities in the ensemble (0 = MLP only). */
  centroidWeight: number;
}

/** What `intent-model.json` holds: everything but the arrays, and the shape of the weights. */
const ZIntentPart = z.object({
  labels: z.array(z.string()),
  featureOptions: z.object({
    charNgrams: z.tuple([z.number().int(), z.number().int()]),
    wordNgrams: z.number().int(),
  }),
  vectorizer: z.object({ features: z.array(z.string()), idf: z.array(z.number()) }),
  temperature: z.number(),
  centroidWeight: z.number(),
  shape: z.object({
    inputSize: z.number().int().min(0),
    hiddenUnits: z.number().int().min(1),
    classes: z.number().int().min(1),
  }),
});

const CENTROID_TEMPERATURE = 0.05;
/** Keeps log(0) out of the pooled scores when a softmax underflows. */
const POOL_FLOOR = 1e-6;

/** Sparse per-class centroids, stored by feature so that scoring touches only the message's features. */
async function buildCentroids(
  vectors: readonly SparseVector[],
  labels: readonly number[],
  classes: number,
  features: number,
): Promise<IntentModelArtifact['centroids']> {
  const sums = Array.from({ length: classes }, () => new Map<number, number>());
  for (const [i, v] of vectors.entries()) {
    const sum = sums[labels[i]!]!;
    v.ids.forEach((id, k) => sum.set(id, (sum.get(id) ?? 0) + v.values[k]!));
    await yieldIfDue();
  }
  const byFeature: Array<Array<[number, number]>> = Array.from({ length: features }, () => []);
  sums.forEach((sum, c) => {
    let norm = 0;
    for (const x of sum.values()) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [id, x] of sum) byFeature[id]?.push([c, x * scale]);
  });
  const offsets = [0];
  const cls: number[] = [];
  const vals: number[] = [];
  for (const entries of byFeature) {
    for (const [c, x] of entries) {
      cls.push(c);
      vals.push(x);
    }
    offsets.push(cls.length);
  }
  return {
    offsets: Int32Array.from(offsets),
    classes: Int32Array.from(cls),
    values: Float32Array.from(vals),
  };
}

/**
 * Weighted geometric mean of two distributions, renormalised (a product of experts). Unlike an
 * arithmetic mean, an intent must be plausible to both classifiers: one confident model cannot
 * carry an intent that the other finds unlikely, so their agreement decides.
 */
function logLinearPool(a: Float32Array, b: Float32Array, weightB: number): Float32Array {
  const logits = new Float32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    logits[i] =
      (1 - weightB) * Math.log(a[i]! + POOL_FLOOR) + weightB * Math.log(b[i]! + POOL_FLOOR);
  }
  return softmax(logits);
}

/**
 * TF-IDF vectors of the training messages. The feature strings (millions for a big bot) live
 * only in here, so that they are garbage before the long training loop starts.
 */
async function vectorizeAll(
  docs: ReadonlyArray<{ tokens: readonly Token[]; extra: readonly string[] }>,
  featureOptions: TextFeatureOptions,
  vocabulary: { minCount: number; maxFeatures: number },
): Promise<{ vectorizer: SparseVectorizer; vectors: SparseVector[] }> {
  const features = await mapYielding(docs, (d) => [
    ...textFeatures(d.tokens, featureOptions),
    ...d.extra,
  ]);
  const vectorizer = await SparseVectorizer.fit(
    features,
    vocabulary.minCount,
    vocabulary.maxFeatures,
  );
  return { vectorizer, vectors: await mapYielding(features, (f) => vectorizer.transform(f)) };
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
    options: EmbeddingBagOptions & { centroidWeight: number },
    onEpoch?: (r: EpochReport) => void,
  ): Promise<IntentModel> {
    const { vectorizer, vectors } = await vectorizeAll(docs, featureOptions, vocabulary);
    const weights = await trainEmbeddingBag(
      vectors,
      docs.map((d) => d.label),
      vectorizer.size,
      labels.length,
      options,
      onEpoch,
    );
    const centroids = await buildCentroids(
      vectors,
      docs.map((d) => d.label),
      labels.length,
      vectorizer.size,
    );
    return new IntentModel({
      labels,
      featureOptions,
      vectorizer: vectorizer.toArtifact(),
      weights,
      temperature: 1,
      centroids,
      centroidWeight: options.centroidWeight,
    });
  }

  /** The classifier's part of a model: JSON (`intent-model.json`) and its `intent.*` arrays. */
  persist(): Persisted {
    const { weights, centroids, ...json } = this.artifact;
    const { inputSize, hiddenUnits, classes } = weights;
    return {
      json: { ...json, shape: { inputSize, hiddenUnits, classes } },
      arrays: {
        'intent.embedding': weights.embedding,
        'intent.hiddenBias': weights.hiddenBias,
        'intent.outputWeights': weights.outputWeights,
        'intent.outputBias': weights.outputBias,
        'intent.centroids.offsets': centroids.offsets,
        'intent.centroids.classes': centroids.classes,
        'intent.centroids.values': centroids.values,
      },
    };
  }

  /** Reads what `persist` wrote; weights that do not fit the shape are a corrupt model. */
  static load(json: unknown, arrays: StoredArrays): IntentModel {
    const { shape, ...part } = readPart(ZIntentPart, json, "The model's intent classifier");
    const weights: EmbeddingBagWeights = {
      ...shape,
      embedding: arrays.float32('intent.embedding'),
      hiddenBias: arrays.float32('intent.hiddenBias'),
      outputWeights: arrays.float32('intent.outputWeights'),
      outputBias: arrays.float32('intent.outputBias'),
    };
    const centroids = {
      offsets: arrays.int32('intent.centroids.offsets'),
      classes: arrays.int32('intent.centroids.classes'),
      values: arrays.float32('intent.centroids.values'),
    };
    const { inputSize: n, hiddenUnits: h, classes: c } = shape;
    if (
      part.labels.length !== c ||
      part.vectorizer.features.length !== n ||
      part.vectorizer.idf.length !== n ||
      weights.embedding.length !== n * h ||
      weights.hiddenBias.length !== h ||
      weights.outputWeights.length !== h * c ||
      weights.outputBias.length !== c ||
      centroids.offsets.length !== n + 1 ||
      centroids.classes.length !== centroids.values.length
    )
      throw new ModelCorruptError("The intent classifier's weights do not match its shape.");
    return new IntentModel({ ...part, weights, centroids });
  }

  get labels(): string[] {
    return this.artifact.labels;
  }

  vectorize(
    tokens: readonly Token[],
    extra: readonly string[],
  ): { vector: SparseVector; coverage: number } {
    const words = tokens.filter((t) => t.kind !== 'punct');
    const strings = [...textFeatures(tokens, this.artifact.featureOptions), ...extra];
    const vector = this.vectorizer.transform(strings);
    const known = words.filter((t) => this.vectorizer.has(`w:${t.norm}`)).length;
    return { vector, coverage: words.length === 0 ? 0 : known / words.length };
  }

  predict(tokens: readonly Token[], extra: readonly string[]): IntentPrediction {
    const { vector, coverage } = this.vectorize(tokens, extra);
    if (vector.ids.length === 0) {
      return {
        probabilities: new Float32Array(this.labels.length).fill(1 / this.labels.length),
        coverage: 0,
      };
    }
    const mlp = softmax(
      embeddingBagLogits(this.artifact.weights, vector),
      this.artifact.temperature,
    );
    const w = this.artifact.centroidWeight;
    if (w <= 0) return { probabilities: mlp, coverage };
    const centroid = softmax(this.centroidSimilarities(vector), CENTROID_TEMPERATURE);
    return { probabilities: logLinearPool(mlp, centroid, w), coverage };
  }

  private centroidSimilarities(v: SparseVector): Float32Array {
    const { offsets, classes, values } = this.artifact.centroids;
    const sims = new Float32Array(this.labels.length);
    v.ids.forEach((id, k) => {
      const x = v.values[k]!;
      for (let j = offsets[id]!; j < offsets[id + 1]!; j++) {
        const c = classes[j]!;
        sims[c]! += x * values[j]!;
      }
    });
    return sims;
  }
}
