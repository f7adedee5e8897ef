import { allowedEnd, allowedTransition, labelsFor, OUTSIDE } from './bilou.js';
import type { LabellerArtifact, LabellerExample, LabellerOptions } from './labeller-types.js';
import { labellerFeatures, labellerReadingFor } from './labeller-features.js';
import type { LabellerReading } from './labeller-features.js';
import { yieldIfDue } from '../util/event-loop.js';
import { createPrng, shuffled } from '../util/prng.js';
import { grown } from '../util/scratch.js';

// Indexes in the loops below stay inside the arrays' bounds: `!` says so to TypeScript
// (noUncheckedIndexedAccess) and compiles away, so the loops run as plain JS.

/** Feature groups of a token, in the order they are stored; dropout hides whole groups. */
const GROUPS = ['context', 'lexical', 'gazetteer', 'knowledge'] as const;

/** Int32 slots of one shared chunk of prepared sentences (4 MB). */
const CHUNK_SLOTS = 1 << 20;

/**
 * One sentence, stored at `at` in a chunk shared with the sentences prepared around it (three
 * typed arrays per sentence cost more in object headers and allocator overhead than their ids
 * for a 10k-example bot): its T gold labels, then 4·T + 1 group bounds, then the feature ids
 * of all its tokens; token t's group g spans `chunk[bounds(t·4 + g) .. bounds(t·4 + g + 1)]`,
 * the bounds being offsets in the chunk. Once training starts (`index`), the ids are those of
 * rows: a feature's weights for the labels of this sentence's lattice.
 */
interface PreparedExample {
  chunk: Int32Array;
  at: number;
  tokens: number;
  lattice: Lattice;
}

/** The labels one intent allows and the BILOU-valid transitions between them. */
interface Lattice {
  /** Label ids, local index k → global label. */
  labels: Int32Array;
  /** Local index of each global label, or -1. */
  local: Int32Array;
  /** Per local label: local indices of the labels that may precede it. */
  from: Int32Array[];
  /** Whether each local label may start / end a sentence. */
  start: Uint8Array;
  end: Uint8Array;
}

/**
 * Trains a linear-chain CRF (BILOU) by stochastic gradient descent on the conditional
 * log-likelihood with L2 regularisation, the way CRFsuite's l2sgd does: learning rate
 * 1 / (λ·(t0 + t)), weight decay applied lazily through one scale factor. State features exist
 * only for the (feature, label) pairs seen in the gold tags, which keeps the model small.
 * Forward-backward runs on scaled probabilities over the labels the intent allows.
 */
export class CrfTrainer {
  /** Feature name → id while examples are prepared; then only the names, by id (`freeze`). */
  private featureIndex = new Map<string, number>();
  private featureNames: string[] = [];
  private readonly labelIndex: Map<string, number>;
  /** (feature, label) pairs seen in gold tags, as feature · L + label, until training starts. */
  private pairs = new Set<number>();
  private weights = new Float64Array(0);
  private pairCount = 0;
  private frozen = false;
  /** [(L + 1) × L]; the last row scores the first tag. */
  private readonly transitions: Float64Array;
  private scale = 1;
  /** CSR view of `pairs`, built once training starts: weights[k] belongs to pairLabels[k]. */
  private pairOffsets = new Int32Array(0);
  private pairLabels = new Int32Array(0);
  private readonly lattices = new Map<string, Lattice>();
  private chunk = new Int32Array(0);
  private chunkUsed = 0;
  /**
   * Rows (`index`): per (feature, lattice) met in a sentence, the weights of that feature for
   * the lattice's labels, as pair index and local label, in pair order. A feature's pairs span
   * every label it was gold for across the bot (hwu64: 5 times more than its intent allows).
   */
  private rowOffsets = new Int32Array(0);
  private rowPairs = new Int32Array(0);
  private rowLocal = new Int32Array(0);
  private indexed = false;
  /** Scratch arrays of one SGD step, reused from sentence to sentence (see `grown`). */
  private readonly work = {
    active: new Int32Array(0),
    activeAt: new Int32Array(0),
    scores: new Float64Array(0),
    emit: new Float64Array(0),
    alpha: new Float64Array(0),
    beta: new Float64Array(0),
    c: new Float64Array(0),
    trans: new Float64Array(0),
    startPot: new Float64Array(0),
  };
  /** Sums of the weights at the end of the averaged epochs (Polyak averaging). */
  private sums: { weights: Float64Array; transitions: Float64Array; count: number } | undefined;

  constructor(
    private readonly labels: string[],
    private readonly intentEntities: Record<string, string[]>,
    /** What the labeller reads for the bot's language (see `labellerReadingFor`). */
    private readonly reading: LabellerReading,
  ) {
    this.labelIndex = new Map(labels.map((l, i) => [l, i]));
    this.transitions = new Float64Array((labels.length + 1) * labels.length);
  }

  prepare(e: LabellerExample): PreparedExample {
    const gold = e.tags.map((t) => this.labelIndex.get(t) ?? 0);
    const ids: number[] = [];
    const bounds: number[] = [0];
    labellerFeatures(e.tokens, e.intent, e.gazetteer, e.knowledge, this.reading).forEach((f, t) => {
      for (const group of GROUPS) {
        for (const name of f[group]) ids.push(this.pairFor(name, gold[t]!));
        bounds.push(ids.length);
      }
    });
    const T = gold.length;
    const slots = T + bounds.length + ids.length;
    if (this.chunkUsed + slots > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(CHUNK_SLOTS, slots));
      this.chunkUsed = 0;
    }
    const { chunk } = this;
    const at = this.chunkUsed;
    const idsAt = at + T + bounds.length;
    chunk.set(gold, at);
    for (let k = 0; k < bounds.length; k++) chunk[at + T + k] = idsAt + bounds[k]!;
    chunk.set(ids, idsAt);
    this.chunkUsed += slots;
    return { chunk, at, tokens: T, lattice: this.latticeFor(e.intent) };
  }

  /** Registers the (feature, gold label) pair; returns the feature id. */
  private pairFor(name: string, label: number): number {
    if (this.frozen) throw new Error('CrfTrainer: examples must be prepared before training');
    let id = this.featureIndex.get(name);
    if (id === undefined) this.featureIndex.set(name, (id = this.featureIndex.size));
    this.pairs.add(id * this.labels.length + label);
    return id;
  }

  private latticeFor(intent: string): Lattice {
    const cached = this.lattices.get(intent);
    if (cached) return cached;
    const wanted = new Set(labelsFor(this.intentEntities[intent] ?? []));
    const ids = this.labels.flatMap((l, i) => (wanted.has(l) ? [i] : []));
    const local = new Int32Array(this.labels.length).fill(-1);
    ids.forEach((l, k) => (local[l] = k));
    const name = (k: number): string => this.labels[ids[k]!]!;
    const lattice: Lattice = {
      labels: Int32Array.from(ids),
      local,
      from: ids.map((_, k) =>
        Int32Array.from(ids.flatMap((__, j) => (allowedTransition(name(j), name(k)) ? [j] : []))),
      ),
      start: Uint8Array.from(ids, (_, k) => (allowedTransition(undefined, name(k)) ? 1 : 0)),
      end: Uint8Array.from(ids, (_, k) => (allowedEnd(name(k)) ? 1 : 0)),
    };
    this.lattices.set(intent, lattice);
    return lattice;
  }

  /**
   * One pass over the examples in the given order. `rate(t)` is the learning rate of the t-th
   * update overall, `lambda` the L2 strength per update; `keep` decides the dropout of a group.
   */
  async epoch(
    examples: readonly PreparedExample[],
    startStep: number,
    rate: (step: number) => number,
    lambda: number,
    keep: (group: 'lexical' | 'gazetteer' | 'knowledge') => boolean,
  ): Promise<number> {
    if (!this.indexed) throw new Error('CrfTrainer: index the examples before training');
    let step = startStep;
    for (const ex of examples) {
      const eta = rate(step++);
      this.scale *= 1 - eta * lambda;
      if (this.scale < 1e-9) this.rescale();
      this.gatherActive(ex, keep);
      this.gradientStep(ex, eta);
      await yieldIfDue();
    }
    return step;
  }

  /**
   * Rewrites the feature ids of every prepared sentence into row ids (see `rowOffsets`), once,
   * before the first epoch: the pairs of labels the sentence's intent does not allow are then
   * never visited again. Row contents keep pair order, so the sums, and the model, are the same.
   */
  async index(examples: readonly PreparedExample[]): Promise<void> {
    this.freeze();
    if (this.indexed) throw new Error('CrfTrainer: examples are indexed once');
    this.indexed = true;
    const byLattice = new Map<Lattice, PreparedExample[]>();
    for (const ex of examples) {
      const list = byLattice.get(ex.lattice);
      if (list) list.push(ex);
      else byLattice.set(ex.lattice, [ex]);
    }
    const offsets: number[] = [0];
    const pairs: number[] = [];
    const locals: number[] = [];
    const rowOf = new Int32Array(this.featureNames.length).fill(-1);
    const touched: number[] = [];
    for (const [lattice, list] of byLattice) {
      for (const ex of list) {
        const { chunk } = ex;
        const boundsAt = ex.at + ex.tokens;
        const to = chunk[boundsAt + ex.tokens * GROUPS.length]!;
        for (let i = chunk[boundsAt]!; i < to; i++) {
          const f = chunk[i]!;
          let row = rowOf[f]!;
          if (row < 0) {
            row = rowOf[f] = offsets.length - 1;
            touched.push(f);
            for (let p = this.pairOffsets[f]!; p < this.pairOffsets[f + 1]!; p++) {
              const k = lattice.local[this.pairLabels[p]!]!;
              if (k < 0) continue;
              pairs.push(p);
              locals.push(k);
            }
            offsets.push(pairs.length);
          }
          chunk[i] = row;
        }
        await yieldIfDue();
      }
      for (const f of touched) rowOf[f] = -1;
      touched.length = 0;
    }
    this.rowOffsets = Int32Array.from(offsets);
    this.rowPairs = Int32Array.from(pairs);
    this.rowLocal = Int32Array.from(locals);
  }

  /**
   * The row ids each token of `ex` keeps after dropout, into `work.active` (token t's at
   * `work.activeAt[t] .. work.activeAt[t + 1]`). `keep` is asked once per token and group, and
   * once per gazetteer mark, in that order: the dropout draws are part of the seed's result.
   */
  private gatherActive(
    ex: PreparedExample,
    keep: (group: 'lexical' | 'gazetteer' | 'knowledge') => boolean,
  ): void {
    const { chunk, tokens: T } = ex;
    const boundsAt = ex.at + T;
    const work = this.work;
    const last = chunk[boundsAt + T * GROUPS.length]!;
    work.activeAt = grown(work.activeAt, T + 1);
    work.active = grown(work.active, last - chunk[boundsAt]!);
    const { active, activeAt } = work;
    let n = 0;
    for (let t = 0; t < T; t++) {
      activeAt[t] = n;
      const b = boundsAt + t * GROUPS.length;
      for (let k = chunk[b]!; k < chunk[b + 1]!; k++) active[n++] = chunk[k]!;
      if (keep('lexical'))
        for (let k = chunk[b + 1]!; k < chunk[b + 2]!; k++) active[n++] = chunk[k]!;
      for (let k = chunk[b + 2]!; k < chunk[b + 3]!; k++)
        if (keep('gazetteer')) active[n++] = chunk[k]!;
      if (keep('knowledge'))
        for (let k = chunk[b + 3]!; k < chunk[b + 4]!; k++) active[n++] = chunk[k]!;
    }
    activeAt[T] = n;
  }

  /**
   * Adds the current weights to the running average. Averaging the last epochs smooths out
   * the noise of single SGD steps (and of dropout), so the model depends less on the seed.
   */
  accumulate(): void {
    this.freeze();
    this.sums ??= {
      weights: new Float64Array(this.pairCount),
      transitions: new Float64Array(this.transitions.length),
      count: 0,
    };
    for (let k = 0; k < this.pairCount; k++) this.sums.weights[k]! += this.weights[k]! * this.scale;
    for (let k = 0; k < this.transitions.length; k++)
      this.sums.transitions[k]! += this.transitions[k]!;
    this.sums.count++;
  }

  /** Starts a fresh model over the same features (for an ensemble averaged by `accumulate`). */
  restart(): void {
    this.freeze();
    this.weights.fill(0);
    this.transitions.fill(0);
    this.scale = 1;
  }

  /** Lays the (feature, label) weights out by feature, so that scoring walks flat arrays. */
  private freeze(): void {
    if (this.frozen) return;
    this.frozen = true;
    // Map iteration follows insertion, that is id order. The map's table is garbage from here.
    this.featureNames = [...this.featureIndex.keys()];
    this.featureIndex = new Map();
    this.chunk = new Int32Array(0);
    const L = this.labels.length;
    // Sorted keys are sorted by feature, then by label: the CSR layout directly.
    const keys = Float64Array.from(this.pairs).sort();
    this.pairs = new Set();
    const offsets = new Int32Array(this.featureNames.length + 1);
    const labels = new Int32Array(keys.length);
    keys.forEach((key, k) => {
      labels[k] = key % L;
      offsets[Math.floor(key / L) + 1] = k + 1;
    });
    // Features come in order, so a feature without pairs would keep offset 0: carry forward.
    for (let f = 1; f < offsets.length; f++) offsets[f] = Math.max(offsets[f]!, offsets[f - 1]!);
    this.pairCount = keys.length;
    this.pairOffsets = offsets;
    this.pairLabels = labels;
    this.weights = new Float64Array(keys.length);
  }

  private rescale(): void {
    for (let i = 0; i < this.pairCount; i++) this.weights[i]! *= this.scale;
    this.scale = 1;
  }

  /** One SGD step on `ex`, its tokens' features already in `work.active` (`gatherActive`). */
  private gradientStep(ex: PreparedExample, eta: number): void {
    const { lattice, chunk, at: goldAt, tokens: T } = ex;
    const K = lattice.labels.length;
    const L = this.labels.length;
    if (K <= 1 || T === 0) return;
    const work = this.work;
    const { active, activeAt } = work;
    const { rowOffsets, rowPairs, rowLocal, pairLabels, weights, scale } = this;
    work.scores = grown(work.scores, K);
    work.emit = grown(work.emit, T * K);
    work.alpha = grown(work.alpha, T * K);
    work.beta = grown(work.beta, T * K);
    work.c = grown(work.c, T);
    work.trans = grown(work.trans, K * K);
    work.startPot = grown(work.startPot, K);
    const { scores, emit, alpha, beta, c, trans, startPot } = work;
    // Emission potentials exp(score − max) per token: the shift cancels out in the marginals.
    for (let t = 0; t < T; t++) {
      scores.fill(0, 0, K);
      for (let i = activeAt[t]!; i < activeAt[t + 1]!; i++) {
        const r = active[i]!;
        const to = rowOffsets[r + 1]!;
        for (let q = rowOffsets[r]!; q < to; q++)
          scores[rowLocal[q]!]! += weights[rowPairs[q]!]! * scale;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, scores[k]!);
      for (let k = 0; k < K; k++) emit[t * K + k] = Math.exp(scores[k]! - max);
    }
    for (let k = 0; k < K; k++) if (!lattice.end[k]) emit[(T - 1) * K + k] = 0;
    trans.fill(0, 0, K * K);
    for (let k = 0; k < K; k++) {
      const l = lattice.labels[k]!;
      startPot[k] = lattice.start[k] ? Math.exp(this.transitions[L * L + l]!) : 0;
      const from = lattice.from[k]!;
      for (let i = 0; i < from.length; i++) {
        const j = from[i]!;
        trans[j * K + k] = Math.exp(this.transitions[lattice.labels[j]! * L + l]!);
      }
    }
    // Scaled forward-backward (Rabiner): alpha rows sum to 1, c[t] holds the scales.
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let k = 0; k < K; k++) {
        let inflow = 0;
        if (t === 0) inflow = startPot[k]!;
        else {
          const from = lattice.from[k]!;
          for (let i = 0; i < from.length; i++) {
            const j = from[i]!;
            inflow += alpha[(t - 1) * K + j]! * trans[j * K + k]!;
          }
        }
        const a = inflow * emit[t * K + k]!;
        alpha[t * K + k] = a;
        sum += a;
      }
      if (!(sum > 0)) return; // no valid path (cannot happen with BILOU labels); skip the example
      c[t] = sum;
      for (let k = 0; k < K; k++) alpha[t * K + k]! /= sum;
    }
    beta.fill(0, 0, (T - 1) * K);
    beta.fill(1, (T - 1) * K, T * K);
    for (let t = T - 2; t >= 0; t--) {
      for (let k = 0; k < K; k++) {
        const next = emit[(t + 1) * K + k]! * beta[(t + 1) * K + k]!;
        if (next === 0) continue;
        const from = lattice.from[k]!;
        for (let i = 0; i < from.length; i++) {
          const j = from[i]!;
          beta[t * K + j]! += trans[j * K + k]! * next;
        }
      }
      const inv = 1 / c[t + 1]!;
      for (let j = 0; j < K; j++) beta[t * K + j]! *= inv;
    }
    // Gradient ascent on log p(gold): observed minus expected counts. Stored weights are
    // divided by `scale`, so the step is too.
    const step = eta / scale;
    for (let t = 0; t < T; t++) {
      const g = chunk[goldAt + t]!;
      for (let i = activeAt[t]!; i < activeAt[t + 1]!; i++) {
        const r = active[i]!;
        const to = rowOffsets[r + 1]!;
        for (let q = rowOffsets[r]!; q < to; q++) {
          const p = rowPairs[q]!;
          const k = rowLocal[q]!;
          const marginal = alpha[t * K + k]! * beta[t * K + k]!;
          const observed = pairLabels[p] === g ? 1 : 0;
          if (observed !== 0 || marginal > 1e-12) weights[p]! += step * (observed - marginal);
        }
      }
    }
    // Transition weights are few and dense: no decay, plain steps.
    for (let k = 0; k < K; k++) {
      const l = lattice.labels[k]!;
      const p0 = alpha[k]! * beta[k]!;
      this.transitions[L * L + l]! += eta * ((chunk[goldAt] === l ? 1 : 0) - p0);
    }
    for (let t = 1; t < T; t++) {
      const inv = 1 / c[t]!;
      const gPrev = chunk[goldAt + t - 1]!;
      const gCur = chunk[goldAt + t]!;
      for (let k = 0; k < K; k++) {
        const right = emit[t * K + k]! * beta[t * K + k]! * inv;
        const l = lattice.labels[k]!;
        const from = lattice.from[k]!;
        for (let i = 0; i < from.length; i++) {
          const j = from[i]!;
          const xi = alpha[(t - 1) * K + j]! * trans[j * K + k]! * right;
          const p = lattice.labels[j]!;
          const observed = p === gPrev && l === gCur ? 1 : 0;
          this.transitions[p * L + l]! += eta * (observed - xi);
        }
      }
    }
  }

  /** The averaged weights as an artifact; features in the order training first met them. */
  async finish(): Promise<LabellerArtifact> {
    this.freeze();
    const sums = this.sums;
    const weight = (k: number): number =>
      sums ? sums.weights[k]! / sums.count : this.weights[k]! * this.scale;
    const transitions = sums ? sums.transitions.map((t) => t / sums.count) : this.transitions;
    // Written in place into arrays of the largest possible size, then cut to what was kept.
    const offsets = new Int32Array(this.featureNames.length + 1);
    const rowLabels = new Int32Array(this.pairCount);
    const rowWeights = new Float32Array(this.pairCount);
    const features: string[] = [];
    let kept = 0;
    for (const [id, name] of this.featureNames.entries()) {
      await yieldIfDue();
      const before = kept;
      for (let p = this.pairOffsets[id]!; p < this.pairOffsets[id + 1]!; p++) {
        const w = weight(p);
        if (Math.abs(w) > 1e-4) {
          rowLabels[kept] = this.pairLabels[p]!;
          rowWeights[kept++] = w;
        }
      }
      if (kept === before) continue;
      features.push(name);
      offsets[features.length] = kept;
    }
    return {
      labels: this.labels,
      intentEntities: this.intentEntities,
      features,
      rowOffsets: offsets.slice(0, features.length + 1),
      rowLabels: rowLabels.slice(0, kept),
      rowWeights: rowWeights.slice(0, kept),
      transitions: Float32Array.from(transitions),
    };
  }
}

/**
 * The example from its first entity on ("from Garching to Marienplatz" → "Garching to
 * Marienplatz"), or undefined when it starts with one or has none. People type such elliptical
 * messages, and answer slot questions with a bare value, but training sentences rarely start
 * with an entity, so without these copies the labeller learns that a first word is never one.
 */
export function withoutLeadIn(e: LabellerExample): LabellerExample | undefined {
  const first = e.tags.findIndex((t) => t !== OUTSIDE);
  if (first <= 0) return undefined;
  return {
    ...e,
    tokens: e.tokens.slice(first),
    tags: e.tags.slice(first),
    gazetteer: e.gazetteer.slice(first),
    knowledge: e.knowledge.slice(first),
  };
}

/**
 * Trains a CRF on the examples and their copies `withoutLeadIn`: CRFsuite's l2sgd schedule, an
 * ensemble of `options.ensemble` runs averaged into one. Takes the examples: `examples` is
 * empty once their features are indexed, so that the tokens and marks of a big bot are garbage
 * during the epochs rather than alive next to the indexed copy.
 */
export async function trainCrf(
  examples: LabellerExample[],
  labels: string[],
  options: LabellerOptions,
): Promise<LabellerArtifact> {
  const intentEntities: Record<string, string[]> = {};
  for (const e of examples) {
    const set = new Set(intentEntities[e.intent] ?? []);
    for (const t of e.tags) if (t !== OUTSIDE) set.add(t.slice(2));
    intentEntities[e.intent] = [...set].sort();
  }
  const language = options.language ?? 'en';
  const crf = new CrfTrainer(labels, intentEntities, labellerReadingFor(language));
  const random = createPrng(options.seed);
  const prepared = await prepareAll(crf, examples);
  await crf.index(prepared);
  // CRFsuite's l2sgd schedule: λ = 2·c2 / N per update, rate η0 / (1 + η0·λ·t).
  const lambda = (2 * options.l2) / Math.max(1, prepared.length);
  const rate = (t: number): number =>
    options.learningRate / (1 + options.learningRate * lambda * t);
  const dropout = {
    lexical: options.wordDropout,
    gazetteer: options.gazetteerDropout,
    knowledge: options.knowledgeDropout,
  };
  // Several CRFs over the same features, trained on different shuffles and dropouts and
  // averaged into one: cheaper than tuning, and the answers depend far less on the seed.
  for (let round = 0; round < options.ensemble; round++) {
    if (round > 0) crf.restart();
    let step = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const order = shuffled(prepared, random);
      step = await crf.epoch(order, step, rate, lambda, (group) => random() >= dropout[group]);
      if (epoch >= Math.floor(options.epochs / 2)) crf.accumulate();
      options.onEpoch?.(round * options.epochs + epoch + 1, options.ensemble * options.epochs);
    }
  }
  return await crf.finish();
}

/** Every example and its copy `withoutLeadIn`, prepared in order; empties `examples`. */
async function prepareAll(
  crf: CrfTrainer,
  examples: LabellerExample[],
): Promise<PreparedExample[]> {
  const prepared = [];
  for (const e of examples) {
    prepared.push(crf.prepare(e));
    const cropped = withoutLeadIn(e);
    if (cropped) prepared.push(crf.prepare(cropped));
    await yieldIfDue();
  }
  examples.length = 0;
  return prepared;
}
