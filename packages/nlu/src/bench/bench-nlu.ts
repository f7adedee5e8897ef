#!/usr/bin/env node
// Side-by-side benchmark: Parley local NLU vs nlp.js (node-nlp, intents only, default settings)
// on every corpus of a directory. Each (system, corpus) pair runs in its own child process, one
// after the other, so peak RSS and timings are not polluted by the previous run.
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_THRESHOLD, evaluate, peakRssMb, percentile } from '../eval/evaluate.js';
import { importExchangeFormat, importTestSet } from '../eval/exchange-format.js';
import { OOS_LABEL, scoreIntents } from '../eval/metrics.js';
import type { CalibrationScores, Prediction } from '../eval/metrics.js';
import type { TestItem } from '../eval/exchange-format.js';
import type { TrainingData } from '../types.js';
import { corpusLanguage, inCorpusLanguage } from './corpus-language.js';
import { fewShot, holdOutIntents } from './derived-corpora.js';
import { loadSentenceEncoder } from '../encoder/load-sentence-encoder.js';
import type { DenseEncoder } from '../features/dense-encoder.js';
import type { Corpus } from './derived-corpora.js';
import { syntheticBot } from './synthetic-bot.js';
import { averageSeeds } from './bench-row.js';
import type { Row } from './bench-row.js';
import { BRAUN_POOLED, SYNTHETIC, benchTargets } from './bench-targets.js';
import { summaryTable, withSpread } from './summary-table.js';
import { sweepChart } from './sweep-chart.js';
import type { SweepSeries } from './sweep-chart.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../../../..');
const DEFAULT_CORPORA = path.resolve(REPO_ROOT, '../shared/nlu-corpora');
const BRAUN = ['braun-chatbot', 'braun-askubuntu', 'braun-webapps'];
/**
 * Bots derived from the shared corpora for checks nothing is tuned on ("corpora we keep
 * aside"): 10 examples per intent, and two intents held out as out-of-scope messages.
 */
/** Issue #18: a many-intent corpus, its 10-shot bot and 8 of its 64 intents held out. */
const MANY_INTENTS: Record<string, (dir: string) => Corpus> = {
  'hwu64~10-shot': (dir) => fewShot(loadCorpus(dir, 'hwu64'), 10, 11),
  'hwu64~oos': (dir) => holdOutIntents(loadCorpus(dir, 'hwu64'), 8, 5),
};
const DERIVED: Record<string, (dir: string) => Corpus> = {
  'snips2017~10-shot': (dir) => fewShot(loadCorpus(dir, 'snips2017'), 10, 11),
  'snips2017-70~oos': (dir) => holdOutIntents(loadCorpus(dir, 'snips2017-70'), 2, 5),
  ...MANY_INTENTS,
};

/** Measures how long a callback would wait for the event loop (what a chat request would feel). */
function watchEventLoop(): () => number {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.round(worst);
  };
}

/** `--encoder`: 'none' trains without one, a folder loads the sentence encoder installed there. */
async function denseEncoder(option: string | undefined): Promise<DenseEncoder | null | undefined> {
  if (option === undefined) return undefined;
  if (option === 'none') return null;
  return loadSentenceEncoder(path.resolve(option));
}

function loadCorpus(dir: string, corpus: string): Corpus {
  if (corpus === SYNTHETIC) return syntheticBot(150, 20, 7);
  const derived = DERIVED[corpus];
  if (derived) return derived(dir);
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(path.join(dir, corpus, file), 'utf8'));
  return {
    train: inCorpusLanguage(corpus, importExchangeFormat(read('train.json'))),
    test: importTestSet(read('test.json')),
  };
}

async function runParley(
  corpus: string,
  train: TrainingData,
  test: TestItem[],
  seed: number | undefined,
  encoder: string | undefined,
): Promise<Row> {
  const dense = await denseEncoder(encoder);
  const stopWatching = watchEventLoop();
  const r = await evaluate(train, test, {
    ...(seed === undefined ? {} : { config: { seed } }),
    ...(dense === undefined ? {} : { encoder: dense }),
  });
  const stallMs = stopWatching();
  const c = r.combined;
  const oos = r.intent.oosRecall !== null;
  return {
    corpus,
    system: 'parley',
    accuracy: r.intent.accuracy,
    macroF1: r.intent.macroF1,
    // Held-out intents lose their entity annotations, and the synthetic bot has none: entity
    // scores would mean nothing there.
    entityF1: oos || !test.some((t) => t.entities.length > 0) ? null : r.entities.f1,
    combinedF1: oos ? null : r.combinedF1,
    inScopeAccuracy: r.intent.inScopeAccuracy,
    oosRecall: r.intent.oosRecall,
    thresholdSweep: r.intent.thresholdSweep,
    fallbackSweep: r.fallbackSweep,
    calibration: r.calibration,
    combined: { tp: c.truePositives, fp: c.falsePositives, fn: c.falseNegatives },
    correct: Math.round(r.intent.accuracy * test.length),
    total: test.length,
    trainSeconds: r.trainSeconds,
    parseP50Ms: r.parseP50Ms,
    parseP99Ms: r.parseP99Ms,
    peakRssMb: r.peakRssMb,
    modelBytes: r.modelBytes,
    stallMs,
    seeds: seed === undefined ? [] : [seed],
    spread: {},
  };
}

async function runNlpJs(corpus: string, train: TrainingData, test: TestItem[]): Promise<Row> {
  const { NlpManager } = await import('node-nlp');
  const language = corpusLanguage(corpus);
  const manager = new NlpManager({ languages: [language], nlu: { log: false }, autoSave: false });
  for (const intent of train.intents)
    for (const ex of intent.trainingData) manager.addDocument(language, ex.text, intent.intentId);
  const started = performance.now();
  await manager.train();
  const trainSeconds = (performance.now() - started) / 1000;
  const predictions: Prediction[] = [];
  const latencies: number[] = [];
  for (const item of test) {
    const t0 = performance.now();
    const result = await manager.process(language, item.text);
    latencies.push(performance.now() - t0);
    predictions.push({ item, intent: result.intent, confidence: result.score, entities: [] });
  }
  // nlp.js answers "None" below its own threshold: that is its fallback. With out-of-scope
  // messages in the test set, both systems are held to the same bot threshold.
  const hasOos = test.some((t) => t.intent === OOS_LABEL);
  const report = hasOos
    ? scoreIntents(
        predictions.map((p) => (p.intent === 'None' ? { ...p, intent: OOS_LABEL } : p)),
        DEFAULT_THRESHOLD,
      )
    : scoreIntents(predictions, 0);
  return {
    corpus,
    system: 'nlp.js',
    accuracy: report.accuracy,
    macroF1: report.macroF1,
    entityF1: null,
    combinedF1: null,
    inScopeAccuracy: report.inScopeAccuracy,
    oosRecall: report.oosRecall,
    thresholdSweep: report.thresholdSweep,
    fallbackSweep: null,
    calibration: null,
    combined: null,
    correct: Math.round(report.accuracy * test.length),
    total: test.length,
    trainSeconds: Math.round(trainSeconds * 1000) / 1000,
    parseP50Ms: percentile(latencies, 50),
    parseP99Ms: percentile(latencies, 99),
    peakRssMb: peakRssMb(),
    modelBytes: null,
    stallMs: null,
    seeds: [],
    spread: {},
  };
}

async function worker(
  dir: string,
  corpus: string,
  system: string,
  seed: number | undefined,
  encoder: string | undefined,
): Promise<void> {
  const { train, test } = loadCorpus(dir, corpus);
  const row =
    system === 'parley'
      ? await runParley(corpus, train, test, seed, encoder)
      : await runNlpJs(corpus, train, test);
  process.send?.(row);
}

function runChild(
  dir: string,
  corpus: string,
  system: string,
  seed: number | undefined,
  encoder: string | undefined,
): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(import.meta.url),
      [
        '--worker',
        system,
        '--corpora',
        dir,
        '--corpus',
        corpus,
        ...(seed === undefined ? [] : ['--seed', String(seed)]),
        ...(encoder === undefined ? [] : ['--encoder', encoder]),
      ],
      {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    let row: Row | undefined;
    child.on('message', (m) => (row = m as Row));
    child.on('error', reject);
    child.on('exit', (code) =>
      row ? resolve(row) : reject(new Error(`${system} on ${corpus} exited with ${code}`)),
    );
  });
}

const fmt = (x: number | null, digits = 3): string => (x === null ? '-' : x.toFixed(digits));

function pooledBraun(rows: Row[], system: Row['system']): Row | undefined {
  const parts = rows.filter((r) => r.system === system && BRAUN.includes(r.corpus));
  if (parts.length !== BRAUN.length) return undefined;
  const sum = (f: (r: Row) => number): number => parts.reduce((s, r) => s + f(r), 0);
  const tp = sum((r) => r.combined?.tp ?? 0);
  const fp = sum((r) => r.combined?.fp ?? 0);
  const fn = sum((r) => r.combined?.fn ?? 0);
  return {
    corpus: BRAUN_POOLED,
    system,
    accuracy: sum((r) => r.correct) / sum((r) => r.total),
    macroF1: NaN,
    entityF1: null,
    combinedF1: system === 'parley' ? (2 * tp) / (2 * tp + fp + fn) : null,
    inScopeAccuracy: null,
    oosRecall: null,
    thresholdSweep: null,
    fallbackSweep: null,
    calibration: null,
    combined: null,
    correct: sum((r) => r.correct),
    total: sum((r) => r.total),
    trainSeconds: sum((r) => r.trainSeconds),
    parseP50Ms: NaN,
    parseP99Ms: Math.max(...parts.map((r) => r.parseP99Ms)),
    peakRssMb: Math.max(...parts.map((r) => r.peakRssMb)),
    modelBytes: null,
    stallMs: system === 'parley' ? Math.max(...parts.map((r) => r.stallMs ?? 0)) : null,
    seeds: parts[0]?.seeds ?? [],
    spread: {},
  };
}

function printTable(rows: Row[]): void {
  const header = [
    'corpus',
    'system',
    'intent acc',
    'macro-F1',
    'entity F1',
    'combined F1',
    'in-scope',
    'oos recall',
    'train s',
    'p50 ms',
    'p99 ms',
    'RSS MB',
    'model MB',
    'stall ms',
  ];
  const body = rows.map((r) => [
    r.corpus,
    r.system,
    withSpread(r, r.accuracy, 'accuracy'),
    Number.isNaN(r.macroF1) ? '-' : fmt(r.macroF1),
    withSpread(r, r.entityF1, 'entityF1'),
    fmt(r.combinedF1),
    withSpread(r, r.inScopeAccuracy, 'inScopeAccuracy'),
    withSpread(r, r.oosRecall, 'oosRecall'),
    fmt(r.trainSeconds, 2),
    Number.isNaN(r.parseP50Ms) ? '-' : fmt(r.parseP50Ms, 2),
    fmt(r.parseP99Ms, 2),
    String(r.peakRssMb),
    r.modelBytes === null ? '-' : (r.modelBytes / 1e6).toFixed(2),
    r.stallMs === null ? '-' : String(r.stallMs),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((b) => (b[i] as string).length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
}

/** How one threshold separates in-scope from out-of-scope messages, for the `oos` test sets. */
function printSweeps(rows: Row[]): void {
  const swept = rows.filter((r) => r.thresholdSweep);
  if (swept.length === 0) return;
  console.log('\nIn-scope accuracy / out-of-scope recall by threshold:');
  for (const r of swept) {
    const points = (r.thresholdSweep ?? [])
      .map((p) => `${p.threshold}: ${fmt(p.inScopeAccuracy)}/${fmt(p.oosRecall)}`)
      .join('  ');
    console.log(`  ${`${r.corpus} ${r.system}`.padEnd(26)} ${points}`);
  }
}

/** ECE and what the bot threshold costs in-scope messages, per corpus (Parley). */
function printCalibration(rows: Row[]): void {
  const calibrated = rows.filter((r) => r.calibration);
  if (calibrated.length === 0) return;
  console.log(`\nConfidence at the bot threshold ${DEFAULT_THRESHOLD} (Parley):`);
  for (const r of calibrated) {
    const c = r.calibration as CalibrationScores;
    console.log(
      `  ${r.corpus.padEnd(20)} ECE ${withSpread(r, c.ece, 'ece')}  in-scope ${fmt(c.inScopeAccuracy)} -> ${fmt(c.inScopeAccuracyAtThreshold)} (loss ${withSpread(r, c.thresholdLoss, 'thresholdLoss', 100, 1)} pts)  fallback ${fmt(c.fallbackRate)}${r.oosRecall === null ? '' : `  oos recall ${withSpread(r, r.oosRecall, 'oosRecall')}`}`,
    );
  }
}

function printTargets(rows: Row[], encoder: boolean): void {
  const targets = benchTargets(rows, { encoder });
  console.log(`\nTargets${encoder ? ' (with the sentence encoder)' : ''}:`);
  for (const t of targets)
    console.log(
      `  ${t.ok === undefined ? 'n/a ' : t.ok ? 'MET ' : 'MISS'} ${t.corpus}: ${t.goal} (${t.measured})`,
    );
  console.log('\nSummary (Markdown, for the README):\n');
  console.log(summaryTable(rows, targets));
}

/** The threshold sweep of the many-intent and held-out bots, as an SVG for the README. */
function writeChart(file: string, rows: Row[], title: string): void {
  const charted = rows.filter(
    (r) =>
      r.system === 'parley' &&
      r.fallbackSweep &&
      (r.corpus.startsWith('hwu64') || r.corpus.startsWith('snips2017') || r.corpus === SYNTHETIC),
  );
  const series: SweepSeries[] = [];
  for (const r of charted) {
    series.push({
      name: r.corpus,
      points: (r.fallbackSweep ?? [])
        .filter((p) => p.threshold >= 0.3 && p.threshold <= 0.8)
        .map((p) => ({ threshold: p.threshold, value: p.inScopeAccuracy })),
    });
    if (r.thresholdSweep)
      series.push({
        name: r.corpus,
        dashed: true,
        points: r.thresholdSweep.map((p) => ({ threshold: p.threshold, value: p.oosRecall })),
      });
  }
  if (series.length === 0) return;
  writeFileSync(file, sweepChart(series, { title, threshold: DEFAULT_THRESHOLD }));
  console.log(`\nThreshold sweep chart: ${file}`);
}

/** `--seeds 42,43,44` or `--seed 42`; none: the config's default seed, once. */
function parseSeeds(
  seeds: string | undefined,
  seed: string | undefined,
): Array<number | undefined> {
  const given = seeds?.split(',') ?? (seed === undefined ? [] : [seed]);
  const parsed = given.map((s) => Number(s.trim()));
  const bad = given.find((_, i) => !Number.isInteger(parsed[i]));
  if (bad !== undefined) throw new UsageError(`Seeds must be integers, got "${bad}".`);
  return parsed.length > 0 ? parsed : [undefined];
}

const USAGE = `Usage: npm run bench:nlu -- [options]
  --corpora DIR     the corpora folder (default: ../shared/nlu-corpora next to the repository)
  --only A,B        only these corpora or derived bots (e.g. hwu64,hwu64~10-shot,xsid-de)
  --seeds 42,43,44  Parley's training seeds: every figure becomes mean ± sd (or --seed N)
  --skip-nlpjs      Parley only
  --encoder DIR     with the sentence encoder installed in DIR (none: the word vectors)
  --chart FILE      also write the threshold sweep as an SVG chart
  --help            this text`;

/** A mistake in the command line: said in one line with the usage, not as a stack trace. */
class UsageError extends Error {}

function readArgs(): ReturnType<typeof parseBenchArgs> {
  try {
    return parseBenchArgs();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseBenchArgs() {
  return parseArgs({
    options: {
      corpora: { type: 'string', default: DEFAULT_CORPORA },
      corpus: { type: 'string' },
      worker: { type: 'string' },
      only: { type: 'string' },
      'skip-nlpjs': { type: 'boolean', default: false },
      // Parley's training seed(s) (default: the config's); nlp.js has none and runs once.
      seed: { type: 'string' },
      seeds: { type: 'string' },
      // Parley's dense encoder: 'none', or an installed sentence encoder's folder.
      encoder: { type: 'string' },
      // Where to write the threshold sweep as an SVG chart.
      chart: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function main(): Promise<void> {
  const { values } = readArgs();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dir = path.resolve(values.corpora);
  const seeds = parseSeeds(values.seeds, values.seed);
  if (values.worker)
    return worker(dir, values.corpus as string, values.worker, seeds[0], values.encoder);
  if (!existsSync(dir)) throw new UsageError(`No corpora directory at ${dir} (use --corpora DIR).`);
  const only = values.only?.split(',');
  const corpora = readdirSync(dir)
    .filter(
      (d) =>
        existsSync(path.join(dir, d, 'train.json')) && existsSync(path.join(dir, d, 'test.json')),
    )
    .filter((d) => !only || only.includes(d))
    .sort();
  const extra = [...Object.keys(DERIVED), SYNTHETIC].filter(
    (name) =>
      (only ? only.includes(name) : true) &&
      (name === SYNTHETIC || readdirSync(dir).includes(name.split('~')[0] as string)),
  );
  const unknown = only?.filter((name) => !corpora.includes(name) && !extra.includes(name));
  if (unknown?.length)
    throw new UsageError(
      `No corpus or derived bot named ${unknown.join(', ')} in ${dir} (see --help).`,
    );
  // One list of rows per seed, in the same order; nlp.js has no seed and runs once.
  const perSeed: Row[][] = [];
  for (const [i, seed] of seeds.entries()) {
    const rows: Row[] = [];
    for (const corpus of [...corpora, ...extra]) {
      for (const system of values['skip-nlpjs'] || corpus === SYNTHETIC
        ? ['parley']
        : ['parley', 'nlp.js']) {
        const earlier = perSeed[0]?.[rows.length];
        if (system === 'nlp.js' && i > 0 && earlier) {
          rows.push(earlier);
          continue;
        }
        process.stderr.write(
          `bench: ${system} on ${corpus}${seed === undefined || system !== 'parley' ? '' : ` (seed ${seed})`} …\n`,
        );
        rows.push(await runChild(dir, corpus, system, seed, values.encoder));
      }
    }
    for (const system of ['parley', 'nlp.js'] as const) {
      const pooled = pooledBraun(rows, system);
      if (pooled) rows.push(pooled);
    }
    perSeed.push(rows);
  }
  const rows = (perSeed[0] ?? []).map((_, j) => averageSeeds(perSeed.map((r) => r[j]!)));
  const known = seeds.filter((s) => s !== undefined);
  const encoder = values.encoder !== undefined && values.encoder !== 'none';
  const title = `Parley local NLU${known.length === 0 ? '' : ` (seed${known.length > 1 ? 's' : ''} ${known.join(', ')})`}${encoder ? ' with the sentence encoder' : ''}`;
  console.log(
    `\n${title} vs nlp.js (node-nlp, default settings, intents only) — corpora: ${dir}${known.length > 1 ? '; Parley figures are means ± the sample standard deviation over the seeds' : ''}\n`,
  );
  printTable(rows);
  printSweeps(rows);
  printCalibration(rows);
  printTargets(rows, encoder);
  if (values.chart) writeChart(path.resolve(values.chart), rows, `${title}: threshold sweep`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench:nlu: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
