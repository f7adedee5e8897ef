import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { NluConfigInput } from '../config.js';
import { crossValidate } from '../eval/cross-validate.js';
import { evaluatePipeline } from '../eval/evaluate-pipeline.js';
import type { EvaluationReport } from '../eval/evaluate.js';
import { importExchangeFormat, importTestSet } from '../eval/exchange-format.js';
import { primaryLanguage } from '@parley/domain';
import type { TrainingData } from '../types.js';
import { formatReport } from './format-report.js';

const USAGE = `Usage:
  parley-nlu eval --train train.json --test test.json [--out report.json] [--config config.json] [--threshold 0.6] [--language de]
                  [--pipeline local|llm|hybrid --base-url URL --model NAME]   (API key: PARLEY_LLM_API_KEY)
  parley-nlu cv --data bot.json [--folds 5] [--out report.json] [--config config.json] [--threshold 0.6] [--language de]

train.json / bot.json: {"intents":[{"intentId","name","trainingData":[{"text","entities":[…]}]}]}
(or an ai-chatbot-framework bot export); test.json: [{"text","intent","entities":[…]}].`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const readJson = async (file: string): Promise<unknown> =>
  JSON.parse(await readFile(file, 'utf8')) as unknown;

/** Runs the `parley-nlu` command; returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      data: { type: 'string' },
      folds: { type: 'string', default: '5' },
      out: { type: 'string' },
      config: { type: 'string' },
      threshold: { type: 'string' },
      pipeline: { type: 'string', default: 'local' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help || !command || command === 'help') {
    io.out(USAGE);
    return values.help || command === 'help' ? 0 : 2;
  }
  const { language } = values;
  if (language !== undefined && !primaryLanguage(language))
    return usageError(io, `--language ${language} is not a supported language`);
  // The bot's language, as a bot in that language trains (tokenizer, stemmer, system entities).
  const read = async (file: string): Promise<TrainingData> => ({
    ...importExchangeFormat(await readJson(file)),
    ...(language !== undefined ? { language } : {}),
  });
  const config = values.config ? ((await readJson(values.config)) as NluConfigInput) : {};
  const threshold = values.threshold !== undefined ? Number(values.threshold) : undefined;
  const options = { config, ...(threshold !== undefined ? { threshold } : {}) };
  let report: EvaluationReport;
  if (command === 'eval') {
    if (!values.train || !values.test) return usageError(io, 'eval needs --train and --test');
    const pipeline = values.pipeline;
    if (pipeline !== 'local' && pipeline !== 'llm' && pipeline !== 'hybrid')
      return usageError(io, '--pipeline must be local, llm or hybrid');
    if (pipeline !== 'local' && (!values['base-url'] || !values.model))
      return usageError(io, `--pipeline ${pipeline} needs --base-url and --model`);
    report = await evaluatePipeline(
      await read(values.train),
      importTestSet(await readJson(values.test)),
      {
        ...options,
        pipeline,
        llm: {
          baseUrl: values['base-url'],
          model: values.model,
          // Keys stay out of shell history and process lists: read from the environment only.
          // eslint-disable-next-line no-restricted-properties -- the CLI's one secret setting
          apiKey: process.env.PARLEY_LLM_API_KEY,
        },
      },
    );
  } else if (command === 'cv') {
    const folds = Number(values.folds);
    if (!values.data || !Number.isInteger(folds) || folds < 2)
      return usageError(io, 'cv needs --data and --folds >= 2');
    report = await crossValidate(await read(values.data), folds, options);
  } else {
    return usageError(io, `unknown command "${command}"`);
  }
  io.out(formatReport(report));
  if (values.out) {
    await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
    io.out(`Report written to ${values.out}`);
  }
  return 0;
}

function usageError(io: CliIo, message: string): number {
  io.err(`parley-nlu: ${message}\n\n${USAGE}`);
  return 2;
}
