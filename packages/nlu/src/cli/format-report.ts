import type { EvaluationReport } from '../eval/evaluate.js';

const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);

/** A human-readable summary of an evaluation report (the JSON report has everything). */
export function formatReport(r: EvaluationReport): string {
  const lines = [
    `Examples: ${r.trainExamples} train, ${r.testExamples} test`,
    `Intent accuracy ${pct(r.intent.accuracy)}  macro-F1 ${pct(r.intent.macroF1)}`,
    `In-scope accuracy ${pct(r.intent.inScopeAccuracy)}  out-of-scope recall ${pct(r.intent.oosRecall)}  (threshold ${r.intent.threshold})`,
    ...(r.intent.thresholdSweep
      ? [
          `By threshold (in-scope accuracy / out-of-scope recall): ${r.intent.thresholdSweep
            .map((p) => `${p.threshold}: ${pct(p.inScopeAccuracy)} / ${pct(p.oosRecall)}`)
            .join('  ')}`,
        ]
      : []),
    `Confidence: ECE ${r.calibration.ece.toFixed(3)}  in-scope accuracy ${pct(r.calibration.inScopeAccuracy)} -> ${pct(r.calibration.inScopeAccuracyAtThreshold)} at the threshold (fallback ${pct(r.calibration.fallbackRate)})`,
    ...(r.trainingCalibration
      ? [
          `Training folds (${r.trainingCalibration.folds}): ECE ${r.trainingCalibration.ece.toFixed(3)} (uncalibrated ${r.trainingCalibration.eceUncalibrated.toFixed(3)}); in-scope accuracy / fallback / out-of-scope recall: ${r.trainingCalibration.sweep
            .map(
              (p) =>
                `${p.threshold}: ${pct(p.inScopeAccuracy)} / ${pct(p.fallbackRate)} / ${pct(p.oosRecall)}`,
            )
            .join('  ')}`,
        ]
      : []),
    `Entities P ${pct(r.entities.precision)}  R ${pct(r.entities.recall)}  F1 ${pct(r.entities.f1)}`,
    `Combined F1 (Braun et al. 2017) ${pct(r.combinedF1)}`,
    `Train ${r.trainSeconds.toFixed(2)} s  parse p50 ${r.parseP50Ms} ms  p99 ${r.parseP99Ms} ms  peak RSS ${r.peakRssMb} MB  model ${(r.modelBytes / 1e6).toFixed(2)} MB`,
    '',
    'Per intent (P / R / F1 / support):',
    ...Object.entries(r.intent.perIntent).map(
      ([name, s]) =>
        `  ${name.padEnd(32)} ${s.precision.toFixed(3)} ${s.recall.toFixed(3)} ${s.f1.toFixed(3)} ${s.support}`,
    ),
  ];
  return lines.join('\n');
}
