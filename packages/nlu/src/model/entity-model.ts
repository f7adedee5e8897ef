import { SUPPORTED_LANGUAGES, SYSTEM_ENTITIES } from '@parley/domain';
import type { EntityDefinition, SupportedLanguage, SystemEntityName } from '@parley/domain';
import { z } from 'zod';
import { ZEntityConfig } from '../config.js';
import { resolveOverlaps, tokenSpan } from '../extractors/extractor.js';
import type { EntityExtractor, ExtractionInput } from '../extractors/extractor.js';
import { Gazetteer, phraseKey } from '../extractors/gazetteer.js';
import { createLookupExtractor } from '../extractors/lookup-extractor.js';
import { createRegexExtractor } from '../extractors/regex-extractor.js';
import type { LabellerArtifact } from '../extractors/labeller-types.js';
import {
  loadLabeller,
  persistLabeller,
  SequenceLabeller,
} from '../extractors/sequence-labeller.js';
import type { LabelledSpan } from '../extractors/sequence-labeller.js';
import { createSystemExtractor } from '../extractors/system-extractor.js';
import { knowledgeMarks, warmKnowledge } from '../knowledge/knowledge-marks.js';
import { recognizerMarks, usesRecognizerMarks } from '../knowledge/recognizer-marks.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../text/tokenize.js';
import type { ExtractedEntity } from '../types.js';
import { readPart } from '../util/persisted.js';
import type { Persisted, StoredArrays } from '../util/persisted.js';

export type EntityDefinitionLike = Pick<EntityDefinition, 'name' | 'values' | 'patterns' | 'fuzzy'>;

export interface EntityModelArtifact {
  definitions: EntityDefinitionLike[];
  /** Phrases annotated in training examples, per entity: gazetteer features, never extracted as such. */
  trainingValues: Record<string, string[]>;
  systemEntities: SystemEntityName[];
  labeller: LabellerArtifact | null;
  /** The language its phrases and messages are tokenized in; English when absent (older models). */
  language?: SupportedLanguage;
}

/**
 * What `entity-model.json` holds. Definitions are checked for shape only, not against today's
 * entity schema and its limits: a model loads with what it was trained with.
 */
const ZEntityPart = z.object({
  definitions: z.array(
    z.object({
      name: z.string(),
      values: z.array(z.object({ value: z.string(), synonyms: z.array(z.string()) })),
      patterns: z.array(z.string()),
      fuzzy: z.boolean(),
    }),
  ),
  trainingValues: z.record(z.string(), z.array(z.string())),
  systemEntities: z.array(z.enum(SYSTEM_ENTITIES)),
  labeller: z.unknown().nullable(),
  language: z.enum(SUPPORTED_LANGUAGES).default('en'),
});

export interface GazetteerView {
  /** Per token: "entity:B|I|L|U" marks of the known phrases covering it. */
  marks: string[][];
  /** Entity types of the known phrases in the message (intent features). */
  entities: string[];
  /** Per token: "class:B|I|L|U" marks of general knowledge (countries, cities, time words…). */
  knowledge: string[][];
}

/**
 * Decoding for an expected entity forces the question's entity type on the message; a span
 * the labeller is unsure of ("Point" of "Gold Point") would fill the slot with a wrong value,
 * which is worse than asking again.
 */
const EXPECTED_MIN_CONFIDENCE = 0.5;

const DEFAULT_MIN_PROBABILITY = ZEntityConfig.parse({}).labellerMinProbability;

/**
 * How much the labelling's log-probability weighs against the intent's log-confidence when the
 * labeller chooses among the best-ranked intents (see `labelledAmong`). Chosen by 5-fold
 * cross-validation on the xSID training sets (1 and 4: lower in German and Dutch, within 0.1 points elsewhere).
 */
const LABELLING_WEIGHT = 2;

/** All entity extraction of a model: lookup, regex, system entities and the trained labeller. */
export class EntityModel {
  private readonly gazetteer: Gazetteer;
  readonly language: SupportedLanguage;
  /** Lookup and regex: what the bot's own entity definitions find. */
  private readonly defined: EntityExtractor[];
  private readonly system: EntityExtractor;
  private readonly labeller: SequenceLabeller | undefined;
  private readonly canonical = new Map<string, string>();

  constructor(readonly artifact: EntityModelArtifact) {
    this.language = artifact.language ?? 'en';
    this.gazetteer = new Gazetteer(this.language);
    for (const def of artifact.definitions) {
      for (const v of def.values) {
        for (const phrase of [v.value, ...v.synonyms]) {
          this.gazetteer.add(phrase, def.name, v.value);
          this.canonical.set(canonicalKey(def.name, tokenize(phrase, this.language)), v.value);
        }
      }
    }
    for (const [entity, phrases] of Object.entries(artifact.trainingValues)) {
      for (const phrase of phrases) this.gazetteer.add(phrase, entity, phrase);
    }
    this.defined = [
      createLookupExtractor(artifact.definitions, this.language),
      createRegexExtractor(artifact.definitions),
    ];
    this.system = createSystemExtractor(artifact.systemEntities, this.language);
    this.labeller = artifact.labeller
      ? new SequenceLabeller(artifact.labeller, this.language)
      : undefined;
    if (this.labeller) warmKnowledge(this.language);
  }

  /** The entity model's part of a model: its definitions as JSON, the labeller's arrays. */
  persist(): Persisted {
    const { labeller, ...json } = this.artifact;
    const persisted = labeller ? persistLabeller(labeller) : null;
    return {
      json: { ...json, labeller: persisted?.json ?? null },
      arrays: persisted?.arrays ?? {},
    };
  }

  /** Reads what `persist` wrote. */
  static load(json: unknown, arrays: StoredArrays): EntityModel {
    const { labeller, ...part } = readPart(ZEntityPart, json, "The model's entity part");
    return new EntityModel({
      ...part,
      labeller: labeller === null ? null : loadLabeller(labeller, arrays),
    });
  }

  /** Whether a sequence labeller was trained (and reads the knowledge features). */
  get hasLabeller(): boolean {
    return this.labeller !== undefined;
  }

  /** Gazetteer marks of a message; knowledge marks only when a labeller will read them. */
  view(tokens: readonly Token[], withKnowledge = this.labeller !== undefined): GazetteerView {
    return gazetteerView(this.gazetteer, tokens, withKnowledge, this.language);
  }

  /** Entities of a message, overlaps resolved (longest, most confident, extractor priority). */
  extract(
    input: ExtractionInput,
    view: GazetteerView = this.view(input.tokens),
  ): ExtractedEntity[] {
    return resolveOverlaps([...this.ruleEntities(input), ...this.labelled(input, view)]);
  }

  /** Lookup, regex and system entities: they do not depend on the intent. */
  ruleEntities(input: ExtractionInput): ExtractedEntity[] {
    return [...this.definedEntities(input), ...this.systemEntities(input)];
  }

  /** Lookup and regex entities: the bot's own definitions (the intent classifier reads their types). */
  definedEntities(input: ExtractionInput): ExtractedEntity[] {
    return this.defined.flatMap((r) => r.extract(input));
  }

  /** Dates, numbers, e-mails… of the system entities the model uses. */
  systemEntities(input: ExtractionInput): ExtractedEntity[] {
    return this.system.extract(input);
  }

  /**
   * Entities of the sequence labeller, restricted to the types annotated for `input.intent`, as
   * likely as `minProbability` at least.
   */
  labelled(
    input: ExtractionInput,
    view: GazetteerView,
    minProbability = DEFAULT_MIN_PROBABILITY,
  ): ExtractedEntity[] {
    if (!this.labeller) return [];
    const spans = this.labeller.label(input.tokens, input.intent, view.marks, view.knowledge);
    return this.toEntities(input, likely(spans, minProbability));
  }

  /**
   * The labeller's entities of a message whose intent is one of the first `count` of `ranking`:
   * decoded under each of them, and taken from the one whose log-confidence plus
   * `LABELLING_WEIGHT` times the log-probability of its best labelling is highest. When the
   * classifier hesitates between two intents, the labelling that fits the message decides whose
   * entity types it is read with; the ranking itself is left as it is. Of that labelling, the
   * spans less likely than `minProbability` are dropped.
   */
  labelledAmong(
    input: ExtractionInput,
    ranking: readonly { name: string; confidence: number }[],
    view: GazetteerView,
    { intents: count, minProbability }: { intents: number; minProbability: number },
  ): ExtractedEntity[] {
    const top = ranking[0];
    if (!this.labeller || !top) return [];
    let best: { intent: string; spans: LabelledSpan[]; score: number } | undefined;
    for (const { name, confidence } of ranking.slice(0, count)) {
      // A labelling's log-probability is at most 0: an intent whose log-confidence alone does
      // not beat the best score so far cannot win (nor can the lower-ranked ones after it), and
      // is not decoded (most messages decode once).
      if (best && Math.log(confidence) <= best.score) break;
      const { spans, logProbability } = this.labeller.labelScored(
        input.tokens,
        name,
        view.marks,
        view.knowledge,
      );
      const score = Math.log(confidence) + LABELLING_WEIGHT * logProbability;
      if (!best || score > best.score) best = { intent: name, spans, score };
    }
    return best
      ? this.toEntities({ ...input, intent: best.intent }, likely(best.spans, minProbability))
      : [];
  }

  /**
   * The value of `entity` in an answer to a slot-filling question ("in Kyoto please" to "which
   * city?"): decoded with only that entity type, in the context of the best-ranked intent that
   * annotates it, since an answer alone rarely says which intent it belongs to.
   */
  expected(
    input: ExtractionInput,
    view: GazetteerView,
    entity: string,
    ranking: readonly string[],
  ): ExtractedEntity[] {
    const intents = this.labeller?.intentsWith(entity) ?? [];
    if (!this.labeller || intents.length === 0) return [];
    const intent = ranking.find((name) => intents.includes(name)) ?? (intents[0] as string);
    const spans = this.labeller.label(input.tokens, intent, view.marks, view.knowledge, entity);
    return this.toEntities({ ...input, intent }, likely(spans, EXPECTED_MIN_CONFIDENCE));
  }

  private toEntities(input: ExtractionInput, spans: readonly LabelledSpan[]): ExtractedEntity[] {
    return spans.map((s) => {
      const span = tokenSpan(input.tokens, s.start, s.end);
      const raw = input.text.slice(span.begin, span.end);
      return {
        name: s.entity,
        value:
          this.canonical.get(canonicalKey(s.entity, input.tokens.slice(s.start, s.end))) ?? raw,
        raw,
        ...span,
        extractor: 'crf',
        confidence: s.confidence,
      };
    });
  }
}

function likely(spans: readonly LabelledSpan[], minProbability: number): LabelledSpan[] {
  return spans.filter((s) => s.confidence >= minProbability);
}

/** A phrase of an entity as the canonical values are looked up (a labelled span finds its value). */
function canonicalKey(entity: string, tokens: readonly Token[]): string {
  return `${entity}\u0000${phraseKey(tokens)}`;
}

export function gazetteerView(
  gazetteer: Gazetteer,
  tokens: readonly Token[],
  withKnowledge: boolean,
  language: SupportedLanguage = 'en',
): GazetteerView {
  const marks: string[][] = tokens.map(() => []);
  const entities = new Set<string>();
  for (const m of gazetteer.match(tokens)) {
    entities.add(m.entity);
    for (let i = m.start; i < m.end; i++) {
      const pos = m.end - m.start === 1 ? 'U' : i === m.start ? 'B' : i === m.end - 1 ? 'L' : 'I';
      const mark = `${m.entity}:${pos}`;
      const list = marks[i] as string[];
      if (!list.includes(mark)) list.push(mark);
    }
  }
  return {
    marks,
    entities: [...entities].sort(),
    knowledge: withKnowledge ? knowledgeWithRecognizers(tokens, language) : [],
  };
}

/** Knowledge marks, and where the language has them, the recognizers' dates and times. */
function knowledgeWithRecognizers(
  tokens: readonly Token[],
  language: SupportedLanguage,
): string[][] {
  const marks = knowledgeMarks(tokens, language);
  if (!usesRecognizerMarks(language)) return marks;
  const times = recognizerMarks(tokens, language);
  return marks.map((m, i) => [...m, ...(times[i] ?? [])]);
}
