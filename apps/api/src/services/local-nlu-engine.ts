import {
  createEntityParser,
  hashTrainingData,
  loadModel,
  saveModel,
  trainModel,
} from '@parley/nlu';
import type { DenseEncoder, ModelInfo } from '@parley/nlu';
import { crossValidate } from '@parley/nlu/eval';
import type { ModelMetrics, NluEngine, OutOfScopePoint } from './nlu-engine.js';

export interface LocalNluEngineOptions {
  /** The sentence encoder every bot trains and parses with; absent: the shipped word vectors. */
  encoder?: DenseEncoder;
}

/** The local TF.js pipeline of packages/nlu behind the API's NLU port. */
export function createLocalNluEngine({ encoder }: LocalNluEngineOptions = {}): NluEngine {
  const withEncoder = encoder ? { encoder } : {};
  return {
    hash: (data) => hashTrainingData(data, undefined, encoder ? { encoderId: encoder.id } : {}),
    async train(data, onProgress) {
      const model = await trainModel(data, {}, onProgress, withEncoder);
      return {
        parse: (text, options) => model.parse(text, options),
        get warnings() {
          return model.warnings;
        },
        outOfScopeRecall: outOfScopeRecall(model.info.calibration),
        save: (dir) => saveModel(model, dir),
      };
    },
    load: (dir) => loadModel(dir, withEncoder),
    async crossValidate(data, folds, onProgress): Promise<ModelMetrics> {
      const report = await crossValidate(data, folds, {
        ...withEncoder,
        ...(onProgress ? { onProgress } : {}),
      });
      return {
        folds,
        intentAccuracy: report.intent.accuracy,
        macroF1: report.intent.macroF1,
        perIntent: report.intent.perIntent,
        confusion: report.intent.confusion,
        entityF1: report.entities.f1,
        misclassified: report.misclassified,
        thresholdTradeoff: report.fallbackTradeoff,
        calibrationError: report.calibration.ece,
      };
    },
    extractorsOnly: (entities, language) =>
      createEntityParser(entities, language === undefined ? {} : { language }),
  };
}

function outOfScopeRecall(calibration: ModelInfo['calibration']): OutOfScopePoint[] | null {
  if (!calibration || calibration.outOfScopeExamples === 0) return null;
  return calibration.sweep.flatMap(({ threshold, oosRecall }) =>
    oosRecall === null ? [] : [{ threshold, oosRecall }],
  );
}
