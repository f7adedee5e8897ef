import type { SupportedLanguage, SystemEntityName } from '@parley/domain';
import { SYSTEM_ENTITIES } from '@parley/domain';
import { ZNluConfig } from '../config.js';
import type { NluConfig, NluConfigInput } from '../config.js';
import { InvalidTrainingDataError } from '../errors.js';
import { spansToTags } from '../extractors/bilou.js';
import type { TokenSpan } from '../extractors/bilou.js';
import type { LabellerArtifact, LabellerExample } from '../extractors/labeller-types.js';
import { SequenceLabeller } from '../extractors/sequence-labeller.js';
import { knowledgeVersions, loadKnowledge } from '../knowledge/knowledge-marks.js';
import { foldText } from '../text/normalize.js';
import { mapYielding, yieldIfDue } from '../util/event-loop.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../text/tokenize.js';
import type { ProgressCallback, TrainingData, TrainingPhase } from '../types.js';
import { EntityModel } from './entity-model.js';
import type { EntityDefinitionLike, EntityModelArtifact } from './entity-model.js';
import { hashTrainingData } from './hash-training-data.js';
import { intentFeatures } from './intent-features.js';
import { LocalNluModel } from './local-nlu-model.js';
import { modelLanguage } from './model-language.js';
import { trainIntentModel } from './out-of-fold.js';
import type { DenseEncoder } from '../features/dense-encoder.js';
import { defaultEncoderFor } from '../features/word-vector-encoder.js';
import { PACKAGE_VERSION } from './package-version.js';

const INTENT_SHARE = [5, 75] as const;
const ENTITY_SHARE = [75, 98] as const;

interface PreparedExample {
  intent: number;
  text: string;
  tokens: Token[];
  spans: TokenSpan[];
  /** What the intent classifier reads besides the words (see `intentFeatures`). */
  intentFeatures: string[];
  /** Gazetteer and knowledge marks per token, for the labeller. */
  marks: string[][];
  knowledge: string[][];
}

/** A bot's examples as training reads them, and the entity knowledge both models share. */
export interface PreparedTraining {
  labels: string[];
  examples: PreparedExample[];
  base: Omit<EntityModelArtifact, 'labeller'> & { language: SupportedLanguage };
}

/**
 * Tokens, annotated spans and intent features of every example, in intent order. The features
 * come from an entity model of the bot's definitions without a labeller, through the same
 * `intentFeatures` as parsing.
 */
export async function prepareTraining(
  data: TrainingData,
  config: NluConfig,
): Promise<PreparedTraining> {
  const intents = [...data.intents]
    .filter((i) => i.trainingData.length > 0)
    .sort((a, b) => (a.intentId < b.intentId ? -1 : a.intentId > b.intentId ? 1 : 0));
  if (intents.length === 0) throw new InvalidTrainingDataError('No intent has training examples.');
  const labels = intents.map((i) => i.intentId);
  const language = modelLanguage(data.language);
  const annotated = await mapYielding(
    intents.flatMap((intent, label) => intent.trainingData.map((ex) => ({ ex, label }))),
    ({ ex, label }) => {
      const tokens = tokenize(ex.text, language);
      return { intent: label, text: ex.text, tokens, spans: tokenSpans(tokens, ex.entities ?? []) };
    },
  );
  const definitions: EntityDefinitionLike[] = [...data.entities]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => ({
      name: e.name,
      values: e.values ?? [],
      patterns: e.patterns ?? [],
      fuzzy: e.fuzzy ?? false,
    }));
  const base = {
    definitions,
    trainingValues: trainingValues(annotated, language),
    systemEntities: systemEntities(data, config),
    language,
  };
  const entityModel = new EntityModel({ ...base, labeller: null });
  // The labeller (trained later) reads the knowledge marks.
  const withLabeller = trainsLabeller(annotated, config);
  if (withLabeller) await loadKnowledge(language);
  const examples = await mapYielding(annotated, (ex) => {
    const input = { text: ex.text, tokens: ex.tokens, referenceTime: new Date(0), timeZone: 'UTC' };
    const seen = intentFeatures(entityModel, input, config, withLabeller);
    return {
      ...ex,
      intentFeatures: seen.features,
      marks: seen.view.marks,
      knowledge: seen.view.knowledge,
    };
  });
  return { labels, examples, base };
}

/** Texts per encoder call during training (a few tens of ms with the sentence encoder). */
const ENCODE_BATCH = 8;

export interface TrainOptions {
  /**
   * Pretrained meaning for the intent classifier (see `DenseEncoder`): default the shipped
   * (English) word vectors for an English bot, none otherwise; null trains without one. The model records its id and is parsed with it.
   */
  encoder?: DenseEncoder | null;
}

/**
 * Trains a local model from a bot's intents and entities. Deterministic: the same data, config
 * and seed give the same weights and the same answers. `onProgress` reports phase, epoch and
 * overall percent for a progress bar.
 * @example
 * const model = await trainModel(data, { seed: 1 }, (p) => console.log(p.phase, p.percent));
 * const result = await model.parse('book a table for two');
 * await saveModel(model, '/models/bot-1/v3');
 */
export async function trainModel(
  data: TrainingData,
  configInput: NluConfigInput = {},
  onProgress: ProgressCallback = () => undefined,
  options: TrainOptions = {},
): Promise<LocalNluModel> {
  const started = performance.now();
  const config = ZNluConfig.parse(configInput);
  const report = (phase: TrainingPhase, percent: number, epoch?: number, epochs?: number): void =>
    onProgress({
      phase,
      percent: Math.round(percent * 10) / 10,
      ...(epoch ? { epoch, epochs } : {}),
    });
  report('prepare', 0);

  const { labels, examples, base } = await prepareTraining(data, config);
  const { language } = base;
  report('prepare', INTENT_SHARE[0]);

  const encoder = options.encoder === undefined ? defaultEncoderFor(language) : options.encoder;
  const { model: intentModel, calibration } = await trainIntents(
    examples,
    labels,
    config,
    encoder,
    (fraction, epoch, epochs) =>
      report(
        'intents',
        INTENT_SHARE[0] + (INTENT_SHARE[1] - INTENT_SHARE[0]) * fraction,
        epoch,
        epochs,
      ),
  );

  const exampleCount = examples.length;
  // The labeller reads the examples last and takes them (see `trainLabeller`).
  const labeller = await trainLabeller(examples, labels, config, language, (epoch, epochs) =>
    report(
      'entities',
      ENTITY_SHARE[0] + ((ENTITY_SHARE[1] - ENTITY_SHARE[0]) * epoch) / epochs,
      epoch,
      epochs,
    ),
  );
  const entityModel = new EntityModel({ ...base, labeller });
  const trainSeconds = (performance.now() - started) / 1000;
  const model = new LocalNluModel(
    {
      dataHash: hashTrainingData(data, config, { encoderId: encoder?.id ?? null }),
      config,
      language,
      createdAt: new Date().toISOString(),
      metrics: {
        trainSeconds: Math.round(trainSeconds * 1000) / 1000,
        examples: exampleCount,
        intents: labels.length,
        intentFeatures: intentModel.artifact.vectorizer.features.length,
        labellerFeatures: labeller?.features.length ?? 0,
        calibrationEce: calibration?.ece ?? null,
        heldOutAccuracy: calibration?.accuracy ?? null,
      },
      encoder: encoder ? { id: encoder.id, dimensions: encoder.dimensions } : null,
      calibration,
      libraryVersions: {
        '@parley/nlu': PACKAGE_VERSION,
        node: process.version,
        ...knowledgeVersions(language),
        ...encoder?.libraries,
      },
    },
    intentModel,
    entityModel,
    encoder,
  );
  report('done', 100);
  return model;
}

/**
 * The intent classifier, with the encoder's vector of every example: those vectors (10k × 384
 * floats with the sentence encoder) are garbage once it is trained, not kept through the
 * labeller's training.
 */
async function trainIntents(
  examples: readonly PreparedExample[],
  labels: string[],
  config: NluConfig,
  encoder: DenseEncoder | null,
  onProgress: (fraction: number, epoch: number, epochs: number) => void,
): ReturnType<typeof trainIntentModel> {
  const dense = encoder
    ? await encodeYielding(
        encoder,
        examples.map((ex) => ex.text),
      )
    : null;
  return trainIntentModel(
    examples.map((ex, i) => ({
      tokens: ex.tokens,
      extra: ex.intentFeatures,
      label: ex.intent,
      ...(dense ? { dense: dense[i]! } : {}),
    })),
    labels,
    {
      featureOptions: {
        charNgrams: config.intent.charNgrams,
        wordNgrams: config.intent.wordNgrams,
      },
      vocabulary: {
        minCount: config.intent.minFeatureCount,
        maxFeatures: config.intent.maxFeatures,
      },
      options: {
        ...config.intent,
        seed: config.seed,
        linearReadsDense: encoder?.contextual === true,
      },
      encoderId: encoder?.id ?? null,
      folds:
        config.intent.calibrationFolds === 'auto'
          ? autoFolds(examples.length)
          : config.intent.calibrationFolds,
    },
    onProgress,
  );
}

/**
 * Calibration folds for a bot of `examples`: a fold model must be close to the model trained on
 * everything, so small bots hold out a fifth (each fold is cheap), big ones half (half of 4,000+
 * examples trains nearly as well, and each fold costs a full training of the classifier).
 */
function autoFolds(examples: number): number {
  if (examples < 500) return 5;
  return examples < 4000 ? 3 : 2;
}

/** Tokens overlapping each annotated character span. */
function tokenSpans(
  tokens: readonly Token[],
  entities: ReadonlyArray<{ name: string; begin: number; end: number }>,
): TokenSpan[] {
  return entities.flatMap((e) => {
    const start = tokens.findIndex((t) => t.end > e.begin);
    let end = start;
    while (end >= 0 && end < tokens.length && (tokens[end] as Token).begin < e.end) end++;
    return start >= 0 && end > start ? [{ entity: e.name, start, end }] : [];
  });
}

function isSystem(name: string): boolean {
  return name.startsWith('sys.');
}

/** A labeller is trained when it is enabled and some example annotates a non-system entity. */
function trainsLabeller(
  examples: ReadonlyArray<{ spans: TokenSpan[] }>,
  config: NluConfig,
): boolean {
  return (
    config.entities.labeller &&
    examples.some((ex) => ex.spans.some((span) => !isSystem(span.entity)))
  );
}

function trainingValues(
  examples: ReadonlyArray<Pick<PreparedExample, 'text' | 'tokens' | 'spans'>>,
  language: SupportedLanguage,
): Record<string, string[]> {
  const out: Record<string, Map<string, string>> = {};
  for (const ex of examples) {
    for (const s of ex.spans) {
      if (isSystem(s.entity)) continue;
      const raw = ex.text.slice(
        (ex.tokens[s.start] as Token).begin,
        (ex.tokens[s.end - 1] as Token).end,
      );
      const map = (out[s.entity] ??= new Map());
      const key = foldText(raw, language);
      if (!map.has(key)) map.set(key, raw);
    }
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, [...(out[k] as Map<string, string>).keys()].sort()]),
  );
}

function systemEntities(data: TrainingData, config: NluConfig): SystemEntityName[] {
  if (config.entities.systemEntities !== 'auto') return [...config.entities.systemEntities].sort();
  const used = new Set<string>(data.systemEntities ?? []);
  for (const i of data.intents)
    for (const ex of i.trainingData) for (const e of ex.entities ?? []) used.add(e.name);
  return SYSTEM_ENTITIES.filter((s) => used.has(s));
}

/**
 * Empties `examples` when it trains a labeller: their tokens, marks and intent features are
 * garbage once the labeller has indexed its own features (tens of MB for a 10k-example bot),
 * not alive through its epochs.
 */
async function trainLabeller(
  examples: PreparedExample[],
  labels: readonly string[],
  config: NluConfig,
  language: SupportedLanguage,
  onEpoch: (epoch: number, epochs: number) => void,
): Promise<LabellerArtifact | null> {
  if (!trainsLabeller(examples, config)) return null;
  const labellerExamples: LabellerExample[] = examples.map((ex) => ({
    tokens: ex.tokens,
    intent: labels[ex.intent]!,
    tags: spansToTags(
      ex.tokens.length,
      ex.spans.filter((s) => !isSystem(s.entity)),
    ),
    gazetteer: ex.marks,
    knowledge: ex.knowledge,
  }));
  examples.length = 0;
  const epochs =
    config.entities.labellerEpochs === 'auto'
      ? Math.min(10, Math.max(4, Math.ceil(60_000 / labellerExamples.length)))
      : config.entities.labellerEpochs;
  const ensemble =
    config.entities.labellerEnsemble === 'auto'
      ? Math.min(5, Math.max(1, Math.floor(100_000 / (labellerExamples.length * epochs))))
      : config.entities.labellerEnsemble;
  const labeller = await SequenceLabeller.train(labellerExamples, {
    epochs,
    ensemble,
    seed: config.seed,
    gazetteerDropout: config.entities.gazetteerDropout,
    knowledgeDropout: config.entities.knowledgeDropout,
    wordDropout: config.entities.wordDropout,
    l2: config.entities.labellerL2,
    learningRate: config.entities.labellerLearningRate,
    language,
    onEpoch,
  });
  return labeller.toArtifact();
}

/**
 * Encodes in small batches, handing the event loop back between them: a sentence encoder takes
 * about 10 ms a text, and training runs in the API process next to chat.
 */
async function encodeYielding(
  encoder: DenseEncoder,
  texts: readonly string[],
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += ENCODE_BATCH) {
    vectors.push(...encoder.encode(texts.slice(i, i + ENCODE_BATCH)));
    await yieldIfDue();
  }
  return vectors;
}
