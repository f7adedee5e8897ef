import type { Row, SpreadFigure } from './bench-row.js';
import type { Target } from './bench-targets.js';

/** A figure with its seed spread when several seeds ran: "0.887 ± 0.003". */
export function withSpread(
  row: Row | undefined,
  value: number | null | undefined,
  figure: SpreadFigure,
  scale = 1,
  digits = 3,
): string {
  if (row === undefined || value === null || value === undefined) return '-';
  const sd = row.spread[figure];
  const shown = (value * scale).toFixed(digits);
  return row.seeds.length > 1 && sd !== undefined
    ? `${shown} ± ${(sd * scale).toFixed(digits)}`
    : shown;
}

const mark = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? '✅' : '❌');

/**
 * The compact Markdown table for the README: per corpus, both systems' intent accuracy,
 * Parley's entity F1, what the default threshold costs, out-of-scope recall, and each target
 * with whether it holds.
 */
export function summaryTable(rows: readonly Row[], targets: readonly Target[]): string {
  const corpora = [...new Set(rows.map((r) => r.corpus))];
  const lines = [
    '| corpus | Parley intent | Parley entity F1 | nlp.js intent | loss at threshold (pts) | out-of-scope recall | targets |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const corpus of corpora) {
    const parley = rows.find((r) => r.corpus === corpus && r.system === 'parley');
    const nlpjs = rows.find((r) => r.corpus === corpus && r.system === 'nlp.js');
    const goals = targets
      .filter((t) => t.corpus === corpus)
      .map((t) => `${mark(t.ok)} ${t.goal}`)
      .join('<br>');
    lines.push(
      `| ${[
        corpus,
        withSpread(parley, parley?.accuracy, 'accuracy'),
        withSpread(parley, parley?.entityF1, 'entityF1'),
        nlpjs ? nlpjs.accuracy.toFixed(3) : '-',
        withSpread(parley, parley?.calibration?.thresholdLoss, 'thresholdLoss', 100, 1),
        withSpread(parley, parley?.oosRecall, 'oosRecall'),
        goals || '-',
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
