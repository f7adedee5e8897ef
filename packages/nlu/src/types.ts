import type { EntityDefinition, SystemEntityName, TrainingExample } from '@parley/domain';

/** JSON-compatible value: what a resolved entity holds (a number, an ISO date, a money object …). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Which extractor found an entity; the admin shows it next to each entity. */
export type ExtractorName = 'crf' | 'lookup' | 'regex' | 'system' | 'llm';

export interface ExtractedEntity {
  /** Entity type, e.g. `city` or `sys.date`. */
  name: string;
  /** Resolved value: a synonym's canonical value, a number, an ISO date-time … */
  value: JsonValue;
  /** The text as written in the message. */
  raw: string;
  /** Character offsets in the original message, `end` exclusive. */
  begin: number;
  end: number;
  extractor: ExtractorName;
  /**
   * How likely the entity is right: for the sequence labeller (`crf`), the CRF's probability of
   * this entity with these bounds; lookup (a typo less), regex and system entities fixed values.
   */
  confidence: number;
}

export interface IntentScore {
  /** The intent's `intentId`. */
  name: string;
  confidence: number;
}

/** Which path produced a parse: the local model, the LLM, or neither (nothing trained / LLM down). */
export type ParseSource = 'local' | 'llm' | 'none';

export interface ParseResult {
  intent: IntentScore;
  /** Top intents, best first (at most 10). */
  ranking: IntentScore[];
  entities: ExtractedEntity[];
  source: ParseSource;
}

export interface ParseOptions {
  /** Conversation context, for parsers that use it (the LLM prompt). */
  context?: Record<string, unknown>;
  /** "Now" for relative dates ("tomorrow"); defaults to the current time. */
  referenceTime?: Date;
  /** IANA time zone for dates and times; defaults to UTC. */
  timeZone?: string;
  /** The entity type being asked for while slot filling, when there is one. */
  expectedEntity?: string;
}

/**
 * What the dialogue manager calls: a trained local model, the zero-shot LLM parser
 * and the hybrid of both implement it, and the caller cannot tell them apart.
 */
export interface NluParser {
  parse(text: string, options?: ParseOptions): Promise<ParseResult>;
  /**
   * Why this parser may answer worse than when it was trained (another version of the word
   * lists it reads, say); empty or absent when there is no such reason.
   */
  readonly warnings?: readonly string[];
}

/** What training reads: a bot's intents (with examples) and entity definitions. */
export interface TrainingData {
  intents: Array<{
    intentId: string;
    name: string;
    description?: string;
    trainingData: TrainingExample[];
  }>;
  entities: EntityDefinition[];
  /**
   * System entities the bot uses (e.g. referenced by intent parameters). With the default
   * `systemEntities: 'auto'` config, these and the ones annotated in examples are extracted.
   */
  systemEntities?: SystemEntityName[];
  /**
   * The bot's language, an IETF tag (`de`, `zh-CN`); English when absent. Its primary language
   * picks the tokenizer, stemmer, system-entity culture and knowledge features.
   */
  language?: string;
}

export type TrainingPhase = 'prepare' | 'intents' | 'entities' | 'evaluate' | 'save' | 'done';

export interface TrainingProgress {
  phase: TrainingPhase;
  /** 1-based epoch within the phase, when the phase has epochs. */
  epoch?: number;
  epochs?: number;
  /** Overall progress of the whole training, 0..100. */
  percent: number;
}

export type ProgressCallback = (progress: TrainingProgress) => void;
