import { z } from 'zod';
import { SYSTEM_ENTITIES } from '@parley/domain';

/** Settings of the intent classifier (an embedding-bag MLP). */
export const ZIntentClassifierConfig = z.object({
  /** Character n-gram lengths inside words (sub-word features); [0, 0] disables them. */
  charNgrams: z
    .tuple([z.number().int().min(0).max(8), z.number().int().min(0).max(8)])
    .default([3, 5]),
  wordNgrams: z.number().int().min(1).max(2).default(2),
  /** Vocabulary cap: the most frequent features are kept. */
  maxFeatures: z.number().int().min(100).max(1_000_000).default(100_000),
  minFeatureCount: z.number().int().min(1).default(1),
  hiddenUnits: z.number().int().min(4).max(1024).default(64),
  /** 'auto' scales epochs with the data: about 1,200 optimizer steps, 4 to 40 epochs. */
  epochs: z.union([z.literal('auto'), z.number().int().min(1).max(500)]).default('auto'),
  batchSize: z.number().int().min(1).max(4096).default(32),
  learningRate: z.number().positive().max(1).default(0.003),
  dropout: z.number().min(0).max(0.9).default(0.3),
  /** Share of input features hidden per example and step (regularizes small bots). */
  featureDropout: z.number().min(0).max(0.9).default(0.1),
  labelSmoothing: z.number().min(0).max(0.5).default(0.1),
  /**
   * Weight of a nearest-centroid classifier pooled with the MLP (weighted geometric mean of their
   * probabilities; robust with few examples; 0 disables) when the mix is not calibrated.
   */
  centroidWeight: z.number().min(0).max(1).default(0.3),
  /**
   * Epochs of a logistic regression on the same TF-IDF features, a fourth expert whose weight is
   * fitted on the calibration folds (unused by a bot too small to fold); 0 trains none.
   */
  linearEpochs: z.number().int().min(0).max(100).default(8),
  /**
   * Cross-validation folds at training time that calibrate the confidence (the probability that
   * the top intent is right) and the experts' mix; 0 keeps them uncalibrated (a bot with fewer
   * than 20 examples always is). 'auto': 5 below 500 examples, 3 below 4,000, else 2.
   */
  calibrationFolds: z
    .union([z.literal('auto'), z.literal(0), z.number().int().min(2).max(10)])
    .default('auto'),
  /** Add the entity types found by lookup, regex and training-value gazetteers as features. */
  entityFeatures: z.boolean().default(true),
});

/** Settings of the entity extractors. */
export const ZEntityConfig = z.object({
  /** Train the CRF sequence labeller on annotated spans (skipped when no example has one). */
  labeller: z.boolean().default(true),
  /** 'auto': 10 epochs for small bots, fewer for large ones (about 60,000 sentence updates, at least 4). */
  labellerEpochs: z.union([z.literal('auto'), z.number().int().min(1).max(100)]).default('auto'),
  gazetteerDropout: z.number().min(0).max(1).default(0.5),
  /** Share of tokens whose knowledge marks (countries, regions, cities, time and number words) are hidden in training. */
  knowledgeDropout: z.number().min(0).max(1).default(0.2),
  /** Share of tokens whose own word features are hidden in training (word dropout). */
  wordDropout: z.number().min(0).max(0.9).default(0.2),
  /** L2 regularisation of the CRF labeller (CRFsuite's c2). */
  labellerL2: z.number().min(0).max(100).default(0.1),
  /**
   * CRFs trained (different shuffles and dropouts) and averaged into one. 'auto': as many as
   * fit in about 100,000 sentence updates, 1 to 5 (5 for small bots, 1 for 10k+ examples).
   */
  labellerEnsemble: z.union([z.literal('auto'), z.number().int().min(1).max(10)]).default('auto'),
  /** Initial SGD learning rate of the CRF labeller; it decays as 1 / (1 + rate·λ·t). */
  labellerLearningRate: z.number().positive().max(10).default(0.3),
  /**
   * The best-ranked intents the labeller decodes a message under; its entities come from the
   * one whose confidence and labelling probability are jointly the highest (1: the top intent's).
   */
  labellerIntents: z.number().int().min(1).max(5).default(2),
  /**
   * The labeller's entities whose probability (the CRF's marginal of that span, whatever the
   * rest of the message is labelled) is lower are dropped; 0 keeps every span of the best
   * labelling. 0.6 was chosen by cross-validation (see the package README).
   */
  labellerMinProbability: z.number().min(0).max(1).default(0.6),
  /**
   * System entities to extract: 'auto' = those that training examples annotate or parameters
   * use (see `TrainingData.systemEntities`); or an explicit list.
   */
  systemEntities: z.union([z.literal('auto'), z.array(z.enum(SYSTEM_ENTITIES))]).default('auto'),
});

/**
 * Local NLU configuration; defaults live here, so `ZNluConfig.parse({})` is the default config.
 * @example const config = ZNluConfig.parse({ seed: 7, intent: { hiddenUnits: 128 } });
 */
export const ZNluConfig = z.object({
  /** Seeds every random choice: the same data, config and seed give the same model. */
  seed: z.number().int().default(42),
  intent: ZIntentClassifierConfig.default(ZIntentClassifierConfig.parse({})),
  entities: ZEntityConfig.default(ZEntityConfig.parse({})),
});

export type NluConfig = z.infer<typeof ZNluConfig>;
export type NluConfigInput = z.input<typeof ZNluConfig>;
export const DEFAULT_NLU_CONFIG: NluConfig = ZNluConfig.parse({});
