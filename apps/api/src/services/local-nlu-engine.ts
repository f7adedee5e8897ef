import {
  createEntityParser,
  hashTrainingData,
  loadModel,
  saveModel,
  trainModel,
} from '@parley/nlu';
import { crossValidate } from '@parley/nlu/eval';
import type { ModelMetrics, NluEngine } from './nlu-engine.js';

/** The local TF.js pipeline of packages/nlu behind the API's NLU port. */
export function createLocalNluEngine(): NluEngine {
  return {
    hash: (data) => hashTrainingData(data),
    async train(data, onProgress) {
      const model = await trainModel(data, {}, onProgress);
      return {
        parse: (text, options) => model.parse(text, options),
        get warnings() {
          return model.warnings;
        },
        save: (dir) => saveModel(model, dir),
      };
    },
    load: (dir) => loadModel(dir),
    async crossValidate(data, folds, onProgress): Promise<ModelMetrics> {
      const report = await crossValidate(data, folds, onProgress ? { onProgress } : {});
      return {
        folds,
        intentAccuracy: report.intent.accuracy,
        macroF1: report.intent.macroF1,
        perIntent: report.intent.perIntent,
        confusion: report.intent.confusion,
        entityF1: report.entities.f1,
        misclassified: report.misclassified,
        thresholdTradeoff: report.fallbackTradeoff,
      };
    },
    extractorsOnly: (entities, language) =>
      createEntityParser(entities, language === undefined ? {} : { language }),
  };
}
