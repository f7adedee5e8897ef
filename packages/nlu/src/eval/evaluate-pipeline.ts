import { createHybridParser } from '../llm/hybrid-parser.js';
import { createLlmParser } from '../llm/llm-parser.js';
import type { LlmEndpointSettings } from '../llm/llm-options.js';
import { trainModel } from '../model/train-model.js';
import type { NluParser, TrainingData } from '../types.js';
import {
  DEFAULT_THRESHOLD,
  evaluate,
  measureModelBytes,
  peakRssMb,
  percentile,
  predictAll,
  type EvaluationOptions,
  type EvaluationReport,
} from './evaluate.js';
import type { TestItem } from './exchange-format.js';
import { scoreQuality } from './metrics.js';

export type Pipeline = 'local' | 'llm' | 'hybrid';

export interface PipelineOptions extends EvaluationOptions {
  pipeline: Pipeline;
  /** The OpenAI-compatible endpoint for `llm` and `hybrid`. */
  llm?: LlmEndpointSettings;
  /** Called with each LLM call, so a caller can count calls and tokens. */
  onLlmCall?: () => void;
}

/**
 * Evaluates a pipeline as a bot would run it: the local model alone, the zero-shot LLM
 * alone, or local first with the LLM below the threshold. Same report in every mode.
 */
export async function evaluatePipeline(
  train: TrainingData,
  test: readonly TestItem[],
  options: PipelineOptions,
): Promise<EvaluationReport & { pipeline: Pipeline; llmCalls: number }> {
  if (options.pipeline === 'local')
    return { ...(await evaluate(train, test, options)), pipeline: 'local', llmCalls: 0 };
  if (!options.llm?.baseUrl || !options.llm.model)
    throw new Error(`--pipeline ${options.pipeline} needs --base-url and --model`);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  let llmCalls = 0;
  const llm = createLlmParser({
    bot: { intents: train.intents, entities: train.entities },
    settings: options.llm,
    options: { cacheSize: 0 },
    onCall: () => {
      llmCalls += 1;
      options.onLlmCall?.();
    },
  });
  const started = performance.now();
  const local =
    options.pipeline === 'hybrid'
      ? await trainModel(train, options.config, options.onProgress)
      : null;
  const trainSeconds = (performance.now() - started) / 1000;
  const parser: NluParser = local ? createHybridParser({ local, llm, threshold }) : llm;
  const { predictions, latenciesMs } = await predictAll(parser, test, options);
  return {
    ...scoreQuality(predictions, threshold),
    trainSeconds: Math.round(trainSeconds * 1000) / 1000,
    parseP50Ms: percentile(latenciesMs, 50),
    parseP99Ms: percentile(latenciesMs, 99),
    peakRssMb: peakRssMb(),
    modelBytes: local ? await measureModelBytes(local) : 0,
    trainExamples: train.intents.reduce((sum, intent) => sum + intent.trainingData.length, 0),
    testExamples: test.length,
    pipeline: options.pipeline,
    llmCalls,
  };
}
