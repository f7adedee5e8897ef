import type { SupportedLanguage } from '@parley/domain';
import type { NluConfig } from '../config.js';
import type { ExtractionInput } from '../extractors/extractor.js';
import { resolveOverlaps } from '../extractors/extractor.js';
import { knowledgeVersions } from '../knowledge/knowledge-marks.js';
import { systemEntityWarnings } from '../extractors/system-cultures.js';
import { RECOGNIZER_OF } from '../extractors/system-extractor.js';
import { withoutInvisible } from '../text/invisible-characters.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../text/tokenize.js';
import type { IntentScore, NluParser, ParseOptions, ParseResult } from '../types.js';
import type { EntityModel } from './entity-model.js';
import { intentFeatures } from './intent-features.js';
import type { IntentFeatures } from './intent-features.js';
import type { IntentModel } from './intent-model.js';
import type { CalibrationReport } from './out-of-fold.js';
import type { DenseEncoder } from '../features/dense-encoder.js';

const RANKING_SIZE = 10;

/** What the manifest records besides the files: see `model-artifacts.ts`. */
export interface ModelInfo {
  dataHash: string;
  config: NluConfig;
  /** The primary language the model was trained in. */
  language: SupportedLanguage;
  createdAt: string;
  metrics: Record<string, number | null>;
  libraryVersions: Record<string, string>;
  /** The dense encoder the intent classifier reads (null: none). */
  encoder: { id: string; dimensions: number } | null;
  /** How calibrated the confidence is, measured on the training folds (null: too small to fold). */
  calibration: CalibrationReport | null;
}

/**
 * A trained local model: intent classifier plus entity extractors. Parsing is synchronous
 * plain JS (no tensors), so it is fast and gives the same answer every time.
 */
export class LocalNluModel implements NluParser {
  constructor(
    readonly info: ModelInfo,
    readonly intentModel: IntentModel,
    readonly entityModel: EntityModel,
    private readonly encoder: DenseEncoder | null = null,
  ) {}

  /**
   * Why the model answers worse than it could: the knowledge data (word lists, word clusters)
   * whose version differs from the one the labeller was trained with (its features then mean
   * something else until the bot is trained again; a model from before a data set existed
   * lists it too), and the system entities it uses that Recognizers-Text does not read in the
   * model's language.
   */
  get warnings(): string[] {
    const { language } = this.info;
    const system = systemEntityWarnings(
      this.entityModel.artifact.systemEntities,
      language,
      (name) => RECOGNIZER_OF[name],
    );
    if (!this.entityModel.hasLabeller) return system;
    const trained = this.info.libraryVersions;
    const knowledge = Object.entries(knowledgeVersions(language))
      .filter(([name, version]) => trained[name] !== version)
      .map(
        ([name, version]) =>
          `entity labeller trained with ${name} ${trained[name] ?? '(none)'}, running with ${version}: train the bot again`,
      );
    return [...knowledge, ...system];
  }

  /** Intent ids the model can predict. */
  get intents(): string[] {
    return this.intentModel.labels;
  }

  async parse(text: string, options: ParseOptions = {}): Promise<ParseResult> {
    return this.parseSync(text, options);
  }

  parseSync(message: string, options: ParseOptions = {}): ParseResult {
    const visible = withoutInvisible(message);
    const { input, intentFeatures: seen } = this.read(visible.text, options);
    const system = this.entityModel.systemEntities(input);
    const ranking = this.rank(input.text, input.tokens, seen.features);
    const intent = ranking[0]!;
    const { labellerIntents, labellerMinProbability } = this.info.config.entities;
    const labelled = this.entityModel.labelledAmong(input, ranking, seen.view, {
      intents: labellerIntents,
      minProbability: labellerMinProbability,
    });
    const found = [...seen.defined, ...system, ...labelled];
    const expected = options.expectedEntity;
    const asked =
      expected && !found.some((e) => e.name === expected)
        ? this.entityModel.expected(
            input,
            seen.view,
            expected,
            ranking.map((r) => r.name),
          )
        : [];
    return {
      intent,
      ranking,
      entities: visible.restore(resolveOverlaps([...found, ...asked])),
      source: 'local',
    };
  }

  /** The entity-type features the intent classifier reads for a message (see `intentFeatures`). */
  intentFeaturesOf(text: string, options: ParseOptions = {}): string[] {
    return this.read(withoutInvisible(text).text, options).intentFeatures.features;
  }

  private read(
    text: string,
    options: ParseOptions,
  ): { input: ExtractionInput; intentFeatures: IntentFeatures } {
    const input: ExtractionInput = {
      text,
      tokens: tokenize(text, this.info.language),
      referenceTime: options.referenceTime ?? new Date(),
      timeZone: options.timeZone ?? 'UTC',
      ...(options.expectedEntity ? { expectedEntity: options.expectedEntity } : {}),
    };
    return { input, intentFeatures: intentFeatures(this.entityModel, input, this.info.config) };
  }

  private rank(text: string, tokens: readonly Token[], extra: string[]): IntentScore[] {
    const dense =
      this.encoder && this.intentModel.encoderId ? this.encoder.encode([text])[0]! : null;
    const { confidences } = this.intentModel.predict(tokens, extra, dense);
    return this.intentModel.labels
      .map((name, i) => ({ name, confidence: round(confidences[i]!) }))
      .sort((a, b) => b.confidence - a.confidence || (a.name < b.name ? -1 : 1))
      .slice(0, RANKING_SIZE);
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
