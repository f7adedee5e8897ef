import type { Token } from '../text/tokenize.js';
import { createPrng, shuffled } from '../util/prng.js';
import { allowedEnd, allowedTransition, labelsFor, OUTSIDE, tagsToSpans } from './bilou.js';
import type { TokenSpan } from './bilou.js';
import { labellerFeatures } from './labeller-features.js';

export interface LabellerExample {
  tokens: readonly Token[];
  intent: string;
  /** Gold BILOU tags, one per token. */
  tags: readonly string[];
  /** Gazetteer marks per token (see `labellerFeatures`). */
  gazetteer: readonly (readonly string[])[];
}

export interface LabellerOptions {
  epochs: number;
  seed: number;
  /** Probability of hiding a gazetteer mark during training, so that unseen values are still learnt from context. */
  gazetteerDropout: number;
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

export interface LabelledSpan extends TokenSpan {
  confidence: number;
}

/**
 * A linear-chain sequence labeller (BILOU) trained as an averaged structured perceptron with
 * Viterbi decoding under BILOU constraints — the role a CRF plays in ai-chatbot-framework,
 * with the same token-plus-context features, at a fraction of the training time.
 */
export class SequenceLabeller {
  private readonly featureIndex: Map<string, number>;
  private readonly allLabelIds: number[];

  constructor(private readonly a: LabellerArtifact) {
    this.featureIndex = new Map(a.features.map((f, i) => [f, i]));
    this.allLabelIds = a.labels.map((_, i) => i);
  }

  static train(examples: readonly LabellerExample[], options: LabellerOptions): SequenceLabeller {
    const entities = [
      ...new Set(
        examples.flatMap((e) => e.tags.filter((t) => t !== OUTSIDE).map((t) => t.slice(2))),
      ),
    ].sort();
    const labels = labelsFor(entities);
    const intentEntities: Record<string, string[]> = {};
    for (const e of examples) {
      const set = new Set(intentEntities[e.intent] ?? []);
      for (const t of e.tags) if (t !== OUTSIDE) set.add(t.slice(2));
      intentEntities[e.intent] = [...set].sort();
    }
    const trainer = new PerceptronTrainer(labels, intentEntities);
    const random = createPrng(options.seed);
    const prepared = examples.map((e) => trainer.prepare(e));
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (const ex of shuffled(prepared, random))
        trainer.update(ex, random, options.gazetteerDropout);
      options.onEpoch?.(epoch + 1, options.epochs);
    }
    return new SequenceLabeller(trainer.finish());
  }

  toArtifact(): LabellerArtifact {
    return this.a;
  }

  get entityNames(): string[] {
    return [...new Set(Object.values(this.a.intentEntities).flat())].sort();
  }

  /** Entity spans over `tokens`; only the intent's entity types unless the intent is unknown. */
  label(
    tokens: readonly Token[],
    intent: string | undefined,
    gazetteer: readonly (readonly string[])[],
  ): LabelledSpan[] {
    if (tokens.length === 0) return [];
    const allowed = this.allowedLabels(intent);
    if (allowed.length <= 1) return [];
    const feats = labellerFeatures(tokens, intent ?? '', gazetteer).map((fs) =>
      fs.map((f) => this.featureIndex.get(f)).filter((id): id is number => id !== undefined),
    );
    const emissions = feats.map((ids) => this.emission(ids, allowed));
    const path = viterbi(emissions, allowed, this.a.labels, this.a.transitions);
    const tags = path.map((l) => this.a.labels[l] as string);
    return tagsToSpans(tags)
      .flatMap((s) => trimPunctuation(s, tokens))
      .map((span) => ({
        ...span,
        confidence: spanConfidence(emissions, allowed, path, span),
      }));
  }

  private allowedLabels(intent: string | undefined): number[] {
    const entities = intent !== undefined ? this.a.intentEntities[intent] : undefined;
    if (!entities) return intent === undefined ? this.allLabelIds : [0];
    const wanted = new Set(labelsFor(entities));
    return this.allLabelIds.filter((id) => wanted.has(this.a.labels[id] as string));
  }

  private emission(ids: readonly number[], allowed: readonly number[]): Float64Array {
    const scores = new Float64Array(this.a.labels.length);
    for (const id of ids) {
      const from = this.a.rowOffsets[id] as number;
      const to = this.a.rowOffsets[id + 1] as number;
      for (let k = from; k < to; k++) {
        const l = this.a.rowLabels[k] as number;
        scores[l] = (scores[l] as number) + (this.a.rowWeights[k] as number);
      }
    }
    return Float64Array.from(allowed, (l) => scores[l] as number);
  }
}

/** Entities never start or end with punctuation ("Google?" → "Google"). */
function trimPunctuation(span: TokenSpan, tokens: readonly Token[]): TokenSpan[] {
  let { start, end } = span;
  while (start < end && tokens[start]?.kind === 'punct') start++;
  while (end > start && tokens[end - 1]?.kind === 'punct') end--;
  return end > start ? [{ ...span, start, end }] : [];
}

/** Best tag path under BILOU constraints; returns label ids. `emissions[t][k]` scores `allowed[k]`. */
function viterbi(
  emissions: readonly Float64Array[],
  allowed: readonly number[],
  labels: readonly string[],
  transitions: ArrayLike<number>,
): number[] {
  const L = labels.length;
  const K = allowed.length;
  const T = emissions.length;
  const score = new Float64Array(T * K).fill(-Infinity);
  const back = new Int32Array(T * K).fill(-1);
  for (let k = 0; k < K; k++) {
    const l = allowed[k] as number;
    if (!allowedTransition(undefined, labels[l] as string)) continue;
    score[k] = (emissions[0]?.[k] as number) + (transitions[L * L + l] as number);
  }
  for (let t = 1; t < T; t++) {
    for (let k = 0; k < K; k++) {
      const l = allowed[k] as number;
      let best = -Infinity;
      let arg = -1;
      for (let j = 0; j < K; j++) {
        const prev = score[(t - 1) * K + j] as number;
        if (prev === -Infinity) continue;
        const p = allowed[j] as number;
        if (!allowedTransition(labels[p], labels[l] as string)) continue;
        const s = prev + (transitions[p * L + l] as number);
        if (s > best) [best, arg] = [s, j];
      }
      if (arg < 0) continue;
      score[t * K + k] = best + (emissions[t]?.[k] as number);
      back[t * K + k] = arg;
    }
  }
  let bestK = 0;
  let best = -Infinity;
  for (let k = 0; k < K; k++) {
    const s = score[(T - 1) * K + k] as number;
    if (allowedEnd(labels[allowed[k] as number] as string) && s > best) [best, bestK] = [s, k];
  }
  const path = new Array<number>(T);
  for (let t = T - 1; t >= 0; t--) {
    path[t] = allowed[bestK] as number;
    bestK = back[t * K + bestK] as number;
  }
  return path;
}

/** Mean, over the span's tokens, of the softmax share of the chosen tag's emission score. */
function spanConfidence(
  emissions: readonly Float64Array[],
  allowed: readonly number[],
  path: readonly number[],
  span: TokenSpan,
): number {
  let sum = 0;
  for (let t = span.start; t < span.end; t++) {
    const e = emissions[t] as Float64Array;
    const chosen = e[allowed.indexOf(path[t] as number)] as number;
    let z = 0;
    for (const s of e) z += Math.exp(s - chosen);
    sum += 1 / z;
  }
  return Math.round((sum / (span.end - span.start)) * 1000) / 1000;
}

interface PreparedExample {
  features: number[][];
  gazetteer: number[][];
  gold: number[];
  allowed: number[];
}

/** Averaged perceptron with the "w − u/c" trick; weight rows are allocated on first update. */
class PerceptronTrainer {
  private readonly featureIndex = new Map<string, number>();
  private readonly labelIndex: Map<string, number>;
  private readonly rows = new Map<number, { w: Float32Array; u: Float32Array }>();
  private readonly trans: { w: Float64Array; u: Float64Array };
  private c = 1;

  constructor(
    private readonly labels: string[],
    private readonly intentEntities: Record<string, string[]>,
  ) {
    this.labelIndex = new Map(labels.map((l, i) => [l, i]));
    const size = (labels.length + 1) * labels.length;
    this.trans = { w: new Float64Array(size), u: new Float64Array(size) };
  }

  prepare(e: LabellerExample): PreparedExample {
    const noGazetteer = e.tokens.map(() => []);
    const base = labellerFeatures(e.tokens, e.intent, noGazetteer);
    const withGazetteer = labellerFeatures(e.tokens, e.intent, e.gazetteer);
    const id = (f: string): number => {
      let i = this.featureIndex.get(f);
      if (i === undefined) this.featureIndex.set(f, (i = this.featureIndex.size));
      return i;
    };
    const wanted = new Set(labelsFor(this.intentEntities[e.intent] ?? []));
    return {
      features: base.map((fs) => fs.map(id)),
      gazetteer: withGazetteer.map((fs, t) => fs.slice(base[t]?.length).map(id)),
      gold: e.tags.map((t) => this.labelIndex.get(t) ?? 0),
      allowed: this.labels.map((_, i) => i).filter((i) => wanted.has(this.labels[i] as string)),
    };
  }

  update(ex: PreparedExample, random: () => number, gazetteerDropout: number): void {
    const feats = ex.features.map((fs, t) => [
      ...fs,
      ...(ex.gazetteer[t] ?? []).filter(() => random() >= gazetteerDropout),
    ]);
    const L = this.labels.length;
    const emissions = feats.map((ids) => {
      const out = new Float64Array(ex.allowed.length);
      for (const id of ids) {
        const row = this.rows.get(id);
        if (row) ex.allowed.forEach((l, k) => (out[k] = (out[k] as number) + (row.w[l] as number)));
      }
      return out;
    });
    const pred = viterbi(emissions, ex.allowed, this.labels, this.trans.w);
    for (let t = 0; t < pred.length; t++) {
      const g = ex.gold[t] as number;
      const p = pred[t] as number;
      if (g !== p) for (const id of feats[t] ?? []) this.bump(id, g, p);
      const gPrev = t === 0 ? L : (ex.gold[t - 1] as number);
      const pPrev = t === 0 ? L : (pred[t - 1] as number);
      if (g !== p || gPrev !== pPrev) {
        this.add(this.trans, gPrev * L + g, 1);
        this.add(this.trans, pPrev * L + p, -1);
      }
    }
    this.c++;
  }

  private bump(id: number, gold: number, pred: number): void {
    let row = this.rows.get(id);
    if (!row) {
      const n = this.labels.length;
      this.rows.set(id, (row = { w: new Float32Array(n), u: new Float32Array(n) }));
    }
    this.add(row, gold, 1);
    this.add(row, pred, -1);
  }

  private add(
    target: { w: Float32Array | Float64Array; u: Float32Array | Float64Array },
    i: number,
    delta: number,
  ): void {
    target.w[i] = (target.w[i] as number) + delta;
    target.u[i] = (target.u[i] as number) + this.c * delta;
  }

  finish(): LabellerArtifact {
    const byName = [...this.featureIndex.entries()]
      .filter(([, id]) => this.rows.has(id))
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const offsets = [0];
    const labels: number[] = [];
    const weights: number[] = [];
    const features: string[] = [];
    for (const [name, id] of byName) {
      const row = this.rows.get(id) as { w: Float32Array; u: Float32Array };
      const before = labels.length;
      row.w.forEach((w, l) => {
        const avg = w - (row.u[l] as number) / this.c;
        if (Math.abs(avg) > 1e-6) {
          labels.push(l);
          weights.push(avg);
        }
      });
      if (labels.length === before) continue;
      features.push(name);
      offsets.push(labels.length);
    }
    return {
      labels: this.labels,
      intentEntities: this.intentEntities,
      features,
      rowOffsets: Int32Array.from(offsets),
      rowLabels: Int32Array.from(labels),
      rowWeights: Float32Array.from(weights),
      transitions: Float32Array.from(
        this.trans.w,
        (w, i) => w - (this.trans.u[i] as number) / this.c,
      ),
    };
  }
}
