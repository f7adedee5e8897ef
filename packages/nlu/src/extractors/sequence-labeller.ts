import type { SupportedLanguage } from '@parley/domain';
import { z } from 'zod';
import { ModelCorruptError } from '../errors.js';
import { readPart } from '../util/persisted.js';
import type { Persisted, StoredArrays } from '../util/persisted.js';
import type { Token } from '../text/tokenize.js';
import { allowedEnd, allowedTransition, labelsFor, OUTSIDE, tagsToSpans } from './bilou.js';
import type { TokenSpan } from './bilou.js';
import { trainCrf } from './crf-trainer.js';
import { forwardBackward, spanProbability, transitionFactors } from './span-probability.js';
import type { TransitionFactors } from './span-probability.js';
import type { LabellerArtifact, LabellerExample, LabellerOptions } from './labeller-types.js';
import { allFeatures, labellerFeatures, labellerReadingFor } from './labeller-features.js';
import type { LabellerReading } from './labeller-features.js';

// Indexes in the loops below stay inside the arrays' bounds: `!` says so to TypeScript
// (noUncheckedIndexedAccess) and compiles away, so the loops run as plain JS.

export interface LabelledSpan extends TokenSpan {
  /** The CRF's probability of this entity with these bounds (its marginal, not the path's). */
  confidence: number;
}

/**
 * A linear-chain CRF sequence labeller (BILOU, Viterbi decoding under BILOU constraints) — the
 * role CRFsuite plays in ai-chatbot-framework — with token, context, gazetteer, lexicon and
 * knowledge features. Training: see `CrfTrainer`.
 */
export class SequenceLabeller {
  private readonly featureIndex: Map<string, number>;
  private readonly allLabelIds: number[];
  private readonly reading: LabellerReading;
  private readonly factors: TransitionFactors;

  /**
   * `language`: English reads the English word-frequency and word-cluster features, languages
   * of other scripts than Latin or without a stemmer the characters of words (see
   * `usesCharacterGrams`).
   */
  constructor(
    private readonly a: LabellerArtifact,
    language: SupportedLanguage = 'en',
  ) {
    // One entry at a time: `new Map(features.map(…))` would first build a pair array per feature.
    this.featureIndex = new Map();
    a.features.forEach((f, i) => this.featureIndex.set(f, i));
    this.allLabelIds = a.labels.map((_, i) => i);
    this.reading = labellerReadingFor(language);
    this.factors = transitionFactors(a.labels, a.transitions);
  }

  /** Takes the examples: `examples` is empty once their features are indexed (see `trainCrf`). */
  static async train(
    examples: LabellerExample[],
    options: LabellerOptions,
  ): Promise<SequenceLabeller> {
    const entities = [
      ...new Set(
        examples.flatMap((e) => e.tags.filter((t) => t !== OUTSIDE).map((t) => t.slice(2))),
      ),
    ].sort();
    return new SequenceLabeller(
      await trainCrf(examples, labelsFor(entities), options),
      options.language,
    );
  }

  toArtifact(): LabellerArtifact {
    return this.a;
  }

  get entityNames(): string[] {
    return [...new Set(Object.values(this.a.intentEntities).flat())].sort();
  }

  /** Intents whose examples annotate `entity`, in name order. */
  intentsWith(entity: string): string[] {
    return Object.keys(this.a.intentEntities)
      .filter((intent) => this.a.intentEntities[intent]?.includes(entity))
      .sort();
  }

  /**
   * Entity spans over `tokens`; only the intent's entity types unless the intent is unknown,
   * or only `onlyEntity` (the value a slot-filling question asks for).
   */
  label(
    tokens: readonly Token[],
    intent: string | undefined,
    gazetteer: readonly (readonly string[])[],
    knowledge: readonly (readonly string[])[] = [],
    onlyEntity?: string,
  ): LabelledSpan[] {
    return this.decode(tokens, intent, gazetteer, knowledge, onlyEntity)?.spans ?? [];
  }

  /**
   * `label`, with the log-probability the CRF gives its best labelling under the intent's
   * entity types (0 when there is nothing to label: the only labelling is certain).
   */
  labelScored(
    tokens: readonly Token[],
    intent: string | undefined,
    gazetteer: readonly (readonly string[])[],
    knowledge: readonly (readonly string[])[] = [],
    onlyEntity?: string,
  ): { spans: LabelledSpan[]; logProbability: number } {
    const decoded = this.decode(tokens, intent, gazetteer, knowledge, onlyEntity);
    if (!decoded) return { spans: [], logProbability: 0 };
    const { spans, score, logZ } = decoded;
    return { spans, logProbability: Math.min(0, score - logZ) };
  }

  /** The best labelling and what scored it; undefined when there is nothing to label. */
  private decode(
    tokens: readonly Token[],
    intent: string | undefined,
    gazetteer: readonly (readonly string[])[],
    knowledge: readonly (readonly string[])[],
    onlyEntity: string | undefined,
  ): { spans: LabelledSpan[]; score: number; logZ: number } | undefined {
    if (tokens.length === 0) return undefined;
    const allowed =
      onlyEntity === undefined ? this.allowedLabels(intent) : this.labelsOf([onlyEntity]);
    if (allowed.length <= 1) return undefined;
    const feats = labellerFeatures(tokens, intent ?? '', gazetteer, knowledge, this.reading).map(
      (fs) =>
        allFeatures(fs)
          .map((f) => this.featureIndex.get(f))
          .filter((id): id is number => id !== undefined),
    );
    const emissions = feats.map((ids) => this.emission(ids, allowed));
    const { path, score } = viterbi(emissions, allowed, this.a.labels, this.a.transitions);
    const tags = path.map((l) => this.a.labels[l]!);
    const fb = forwardBackward(emissions, allowed, this.factors);
    const at = path.map((l) => allowed.indexOf(l));
    const spans = tagsToSpans(tags).flatMap((span) => {
      const p = spanProbability(fb, allowed, this.factors, at, span);
      const confidence = Math.round(p * 1000) / 1000;
      return trimPunctuation(span, tokens).map((trimmed) => ({ ...trimmed, confidence }));
    });
    return { spans, score, logZ: fb.logZ };
  }

  private allowedLabels(intent: string | undefined): number[] {
    const entities = intent !== undefined ? this.a.intentEntities[intent] : undefined;
    if (!entities) return intent === undefined ? this.allLabelIds : [0];
    return this.labelsOf(entities);
  }

  private labelsOf(entities: readonly string[]): number[] {
    const wanted = new Set(labelsFor(entities));
    return this.allLabelIds.filter((id) => wanted.has(this.a.labels[id]!));
  }

  private emission(ids: readonly number[], allowed: readonly number[]): Float64Array {
    const scores = new Float64Array(this.a.labels.length);
    for (const id of ids) {
      const from = this.a.rowOffsets[id]!;
      const to = this.a.rowOffsets[id + 1]!;
      for (let k = from; k < to; k++) {
        const l = this.a.rowLabels[k]!;
        scores[l]! += this.a.rowWeights[k]!;
      }
    }
    return Float64Array.from(allowed, (l) => scores[l]!);
  }
}

const ZLabellerPart = z.object({
  labels: z.array(z.string()),
  intentEntities: z.record(z.string(), z.array(z.string())),
  features: z.array(z.string()),
});

/** The labeller's part of a model: labels and feature names as JSON, weights as `labeller.*` arrays. */
export function persistLabeller(a: LabellerArtifact): Persisted {
  return {
    json: { labels: a.labels, intentEntities: a.intentEntities, features: a.features },
    arrays: {
      'labeller.rowOffsets': a.rowOffsets,
      'labeller.rowLabels': a.rowLabels,
      'labeller.rowWeights': a.rowWeights,
      'labeller.transitions': a.transitions,
    },
  };
}

/** Reads what `persistLabeller` wrote; arrays of the wrong length are a corrupt model. */
export function loadLabeller(json: unknown, arrays: StoredArrays): LabellerArtifact {
  const part = readPart(ZLabellerPart, json, "The model's entity labeller");
  const a: LabellerArtifact = {
    ...part,
    rowOffsets: arrays.int32('labeller.rowOffsets'),
    rowLabels: arrays.int32('labeller.rowLabels'),
    rowWeights: arrays.float32('labeller.rowWeights'),
    transitions: arrays.float32('labeller.transitions'),
  };
  const L = a.labels.length;
  if (
    a.rowOffsets.length !== a.features.length + 1 ||
    a.rowLabels.length !== a.rowWeights.length ||
    a.transitions.length !== (L + 1) * L
  )
    throw new ModelCorruptError(
      "The entity labeller's weights do not match its labels and features.",
    );
  return a;
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
): { path: number[]; score: number } {
  const L = labels.length;
  const K = allowed.length;
  const T = emissions.length;
  const score = new Float64Array(T * K).fill(-Infinity);
  const back = new Int32Array(T * K).fill(-1);
  for (let k = 0; k < K; k++) {
    const l = allowed[k]!;
    if (!allowedTransition(undefined, labels[l]!)) continue;
    score[k] = emissions[0]![k]! + transitions[L * L + l]!;
  }
  for (let t = 1; t < T; t++) {
    for (let k = 0; k < K; k++) {
      const l = allowed[k]!;
      let best = -Infinity;
      let arg = -1;
      for (let j = 0; j < K; j++) {
        const prev = score[(t - 1) * K + j]!;
        if (prev === -Infinity) continue;
        const p = allowed[j]!;
        if (!allowedTransition(labels[p], labels[l]!)) continue;
        const s = prev + transitions[p * L + l]!;
        if (s > best) [best, arg] = [s, j];
      }
      if (arg < 0) continue;
      score[t * K + k] = best + emissions[t]![k]!;
      back[t * K + k] = arg;
    }
  }
  let bestK = 0;
  let best = -Infinity;
  for (let k = 0; k < K; k++) {
    const s = score[(T - 1) * K + k]!;
    if (allowedEnd(labels[allowed[k]!]!) && s > best) [best, bestK] = [s, k];
  }
  const path = new Array<number>(T);
  for (let t = T - 1; t >= 0; t--) {
    path[t] = allowed[bestK]!;
    bestK = back[t * K + bestK]!;
  }
  return { path, score: best };
}
