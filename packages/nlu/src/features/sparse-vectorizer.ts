import { yieldIfDue } from '../util/event-loop.js';

/** A sparse vector: parallel arrays of feature ids (ascending) and values. */
export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

/** Serialisable state of a vectorizer: feature strings and their inverse document frequencies. */
export interface VectorizerArtifact {
  features: string[];
  idf: number[];
}

/**
 * Sublinear TF-IDF over a fixed vocabulary, L2-normalised. The vocabulary keeps the
 * `maxFeatures` most frequent features (by document frequency, ties by name) that occur in at
 * least `minCount` documents, so that large bots stay within a bounded model size.
 */
export class SparseVectorizer {
  private readonly index: Map<string, number>;

  constructor(private readonly artifact: VectorizerArtifact) {
    this.index = new Map(artifact.features.map((f, i) => [f, i]));
  }

  /**
   * `docs` may be a generator that builds each document's features on demand: only the
   * document frequencies are kept, so a big bot's millions of feature strings never need to
   * be alive at once.
   */
  static async fit(
    docs: Iterable<readonly string[]>,
    minCount: number,
    maxFeatures: number,
  ): Promise<SparseVectorizer> {
    const df = new Map<string, number>();
    let n = 0;
    for (const doc of docs) {
      n++;
      for (const f of new Set(doc)) df.set(f, (df.get(f) ?? 0) + 1);
      await yieldIfDue();
    }
    const kept = [...df.entries()]
      .filter(([, n]) => n >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxFeatures)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    return new SparseVectorizer({
      features: kept.map(([f]) => f),
      idf: kept.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1),
    });
  }

  has(feature: string): boolean {
    return this.index.has(feature);
  }

  get size(): number {
    return this.artifact.features.length;
  }

  toArtifact(): VectorizerArtifact {
    return this.artifact;
  }

  transform(doc: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const f of doc) {
      const id = this.index.get(f);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const values = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, i) => {
      const v = (1 + Math.log(counts.get(id) ?? 1)) * (this.artifact.idf[id] ?? 1);
      values[i] = v;
      norm += v * v;
    });
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) * scale;
    return { ids, values };
  }
}
