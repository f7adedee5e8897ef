import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import type { TrainingProgress } from '@parley/nlu';
import type { ModelRecord, Store } from '@parley/store';
import type { Metrics } from '../../metrics/metrics.js';
import type { ModelMetrics, NluEngine, OutOfScopePoint } from '../nlu-engine.js';
import { buildTrainingData, type TrainingProblem } from './training-data.js';

export type StartTrainingResult =
  | { status: 'queued'; model: ModelRecord }
  | { status: 'skipped'; model: ModelRecord }
  | { status: 'invalid'; problems: TrainingProblem[] }
  | { status: 'bot-not-found' };

export interface TrainingService {
  /** Validates the bot's data and queues a training job (the job id is the model id). */
  start(botId: string, options?: { force?: boolean }): Promise<StartTrainingResult>;
  /** Resolves when every queued job of this instance has finished. */
  idle(): Promise<void>;
  /**
   * On shutdown: fails the jobs still waiting in this instance's queue (no other instance can
   * run them), lets the running job finish, then stops the heartbeat.
   */
  shutdown(): Promise<void>;
}

export interface TrainingServiceDeps {
  store: Store;
  engine: NluEngine;
  modelsDir: string;
  /** Identifies this API instance in training leases. */
  instanceId: string;
  logger: Logger;
  metrics?: Metrics;
  leaseTtlMs?: number;
  /** How often progress is written to the database at most. */
  progressIntervalMs?: number;
  /** How often this instance marks its jobs alive and looks for abandoned ones. */
  heartbeatMs?: number;
  /** A job whose instance has been silent this long is failed (its instance is gone). */
  abandonAfterMs?: number;
}

const DEFAULT_LEASE_TTL_MS = 60_000;
const LEASE_WAIT_MS = 1000;
const MAX_CV_EXAMPLES = 20_000;
const DEFAULT_HEARTBEAT_MS = 15_000;
const DEFAULT_ABANDON_AFTER_MS = 120_000;
const SHUT_DOWN =
  'Training did not start: the server instance it was queued on shut down. Train again.';
const ABANDONED =
  'Training stopped: the server instance that had this job stopped or crashed before finishing. Train again.';

/**
 * Trains bots one job at a time per instance; a MongoDB lease per bot makes sure only one
 * instance trains a bot. Progress is written to the model record, so any instance can
 * report it. A finished model becomes the bot's active model.
 */
export function createTrainingService(deps: TrainingServiceDeps): TrainingService {
  const queue = new PQueue({ concurrency: 1 });
  /** Jobs queued on this instance that have not started yet. */
  const waiting = new Map<string, { botId: string; modelId: string }>();
  const leaseTtlMs = deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS;
  const log = deps.logger.child({ component: 'training' });
  const abandonAfterMs = deps.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS;

  // Jobs live in this instance's memory: when an instance dies, its queued and running jobs
  // would stay "queued" or "training" forever. Every instance keeps its own jobs alive and
  // fails the jobs of instances that went silent, so the admin sees what happened.
  async function heartbeatAndSweep(): Promise<void> {
    const now = Date.now();
    await deps.store.models.heartbeat(deps.instanceId, new Date(now));
    for (const model of await deps.store.models.failAbandoned(
      new Date(now - abandonAfterMs),
      ABANDONED,
    )) {
      log.warn(
        { botId: model.botId, modelId: model.id, instanceId: model.instanceId },
        'abandoned training job failed',
      );
    }
  }
  const sweep = (): void =>
    void heartbeatAndSweep().catch((error: unknown) =>
      log.warn({ err: error }, 'training heartbeat failed'),
    );
  const heartbeat = setInterval(sweep, deps.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();
  sweep();

  async function run(
    botId: string,
    model: ModelRecord,
    data: Parameters<NluEngine['train']>[0],
  ): Promise<void> {
    const lease = `train:${botId}`;
    while (!(await deps.store.leases.acquire(lease, deps.instanceId, leaseTtlMs))) {
      await deps.store.models.update(botId, model.id, {
        progress: { phase: 'waiting for another instance', percent: 0 },
      });
      await new Promise((resolve) => setTimeout(resolve, LEASE_WAIT_MS));
    }
    // A lease that cannot be renewed (lost, or the database away) stops the job at its next
    // progress report: two instances must not train one bot at once.
    let leaseLost: string | null = null;
    const renew = setInterval(() => {
      deps.store.leases.renew(lease, deps.instanceId, leaseTtlMs).then(
        (held) => {
          if (!held) leaseLost ??= 'this instance lost its training lease (another one took over)';
        },
        (error: unknown) => {
          log.warn({ err: error, botId }, 'could not renew the training lease');
        },
      );
    }, leaseTtlMs / 3);
    const startedAt = new Date();
    let recorder: ReturnType<typeof progressReporter> | undefined;
    try {
      await deps.store.models.update(botId, model.id, {
        status: 'training',
        startedAt,
        progress: { phase: 'prepare', percent: 0 },
      });
      recorder = progressReporter(botId, model.id, startedAt);
      const record = recorder;
      const report = (progress: TrainingProgress, force?: boolean) => {
        if (leaseLost) throw new Error(leaseLost);
        record(progress, force);
      };
      const saved = await trainAndSave(data, path.join(deps.modelsDir, botId, model.id), report);
      // Cross-validation trains a model per fold: the trained model is on disk by now and no
      // longer in memory next to them (peak memory of the instance).
      const metrics = await evaluate(data, report);
      if (leaseLost) throw new Error(leaseLost);
      await recorder.settled();
      const finishedAt = new Date();
      await deps.store.models.update(botId, model.id, {
        status: 'ready',
        progress: { phase: 'done', percent: 100 },
        metrics: metrics ? { ...withOutOfScope(metrics, saved.outOfScopeRecall) } : null,
        artifactPath: path.join(botId, model.id),
        sizeBytes: saved.sizeBytes,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        finishedAt,
      });
      await deps.store.bots.setActiveModel(botId, model.id);
      deps.metrics?.trainingDuration.observe(
        { bot: botId, outcome: 'ready' },
        (finishedAt.getTime() - startedAt.getTime()) / 1000,
      );
      log.info({ botId, modelId: model.id, version: model.version }, 'model trained and activated');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error({ botId, modelId: model.id, err: error }, 'training failed');
      await recorder?.settled();
      deps.metrics?.trainingDuration.observe(
        { bot: botId, outcome: 'failed' },
        (Date.now() - startedAt.getTime()) / 1000,
      );
      await deps.store.models.update(botId, model.id, {
        status: 'failed',
        error: `Training failed: ${message}`,
        finishedAt: new Date(),
        durationMs: Date.now() - startedAt.getTime(),
      });
      await rm(path.join(deps.modelsDir, botId, model.id), { recursive: true, force: true });
    } finally {
      clearInterval(renew);
      await deps.store.leases.release(lease, deps.instanceId);
    }
  }

  /** Trains and writes the model to `dir`; only its size and out-of-scope figures outlive this call. */
  async function trainAndSave(
    data: Parameters<NluEngine['train']>[0],
    dir: string,
    report: (progress: TrainingProgress, force?: boolean) => void,
  ): Promise<{ sizeBytes: number; outOfScopeRecall: OutOfScopePoint[] | null }> {
    const trained = await deps.engine.train(data, (progress) => report(scale(progress, 0, 70)));
    report({ phase: 'save', percent: 70 }, true);
    await mkdir(dir, { recursive: true });
    const { sizeBytes } = await trained.save(dir);
    return { sizeBytes, outOfScopeRecall: trained.outOfScopeRecall };
  }

  async function evaluate(
    data: Parameters<NluEngine['train']>[0],
    report: (progress: TrainingProgress, force?: boolean) => void,
  ): Promise<ModelMetrics | null> {
    const sizes = data.intents.map((intent) => intent.trainingData.length);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const folds = Math.min(5, Math.min(...sizes));
    // Cross-validation retrains the model per fold: skipped where it cannot split or costs too much.
    if (folds < 2 || total > MAX_CV_EXAMPLES) return null;
    report({ phase: 'evaluate', percent: 70 }, true);
    // Each fold trains a model: progress moves from 70 % to 95 % across them.
    let fold = 0;
    return deps.engine.crossValidate(data, folds, (progress) => {
      if (progress.phase === 'prepare' && progress.percent === 0) fold += 1;
      const share = (Math.max(fold - 1, 0) + progress.percent / 100) / folds;
      report({ phase: 'evaluate', percent: Math.round(70 + 25 * Math.min(share, 1)) });
    });
  }

  /**
   * Writes progress one update after another: on FerretDB an update reads then writes the whole
   * document, so two in flight could put back a status the other changed. `settled` waits for
   * the last one before the job's final status is written.
   */
  function progressReporter(botId: string, modelId: string, startedAt: Date) {
    let last = 0;
    let writes = Promise.resolve();
    const interval = deps.progressIntervalMs ?? 300;
    const report = (progress: TrainingProgress, force = false) => {
      const now = Date.now();
      if (!force && now - last < interval) return;
      last = now;
      writes = writes
        .then(() =>
          deps.store.models.update(botId, modelId, { progress: withEta(progress, startedAt, now) }),
        )
        .then(
          () => undefined,
          (error: unknown) => log.warn({ err: error }, 'could not record training progress'),
        );
    };
    return Object.assign(report, { settled: () => writes });
  }

  return {
    async start(botId, { force = false } = {}) {
      const bot = await deps.store.bots.get(botId);
      if (!bot) return { status: 'bot-not-found' };
      const [intents, entities] = await Promise.all([
        deps.store.intents.list(botId),
        deps.store.entities.list(botId),
      ]);
      const built = buildTrainingData(
        intents,
        entities,
        bot.settings.dialogue.fallbackIntentId,
        bot.settings.language,
      );
      if (!built.ok) return { status: 'invalid', problems: built.problems };
      const dataHash = deps.engine.hash(built.data);
      if (!force) {
        const existing = await deps.store.models.findReadyByHash(botId, dataHash);
        if (existing) {
          if (bot.activeModelId !== existing.id)
            await deps.store.bots.setActiveModel(botId, existing.id);
          return { status: 'skipped', model: existing };
        }
      }
      const model = await deps.store.models.create(botId, {
        dataHash,
        config: {},
        instanceId: deps.instanceId,
      });
      waiting.set(model.id, { botId, modelId: model.id });
      queue
        .add(() => {
          waiting.delete(model.id);
          return run(botId, model, built.data);
        })
        .catch((error: unknown) =>
          // run() records its own failures; this is the database failing while it did.
          log.error({ err: error, botId, modelId: model.id }, 'training job could not finish'),
        );
      return { status: 'queued', model };
    },

    idle: () => queue.onIdle(),

    async shutdown() {
      queue.clear();
      for (const { botId, modelId } of waiting.values()) {
        await deps.store.models
          .update(botId, modelId, { status: 'failed', error: SHUT_DOWN, finishedAt: new Date() })
          .catch((error: unknown) =>
            log.warn({ err: error, modelId }, 'could not fail a queued job'),
          );
      }
      waiting.clear();
      await queue.onIdle();
      clearInterval(heartbeat);
    },
  };
}

/** Maps a phase's own 0..100 onto a slice of the whole job. */
/** The cross-validation figures, with what the training folds said of untaught intents. */
function withOutOfScope(metrics: ModelMetrics, recall: OutOfScopePoint[] | null): ModelMetrics {
  return recall ? { ...metrics, outOfScopeRecall: recall } : { ...metrics };
}

function scale(progress: TrainingProgress, from: number, to: number): TrainingProgress {
  return { ...progress, percent: Math.round(from + ((to - from) * progress.percent) / 100) };
}

function withEta(progress: TrainingProgress, startedAt: Date, now: number) {
  const elapsed = now - startedAt.getTime();
  const etaSeconds =
    progress.percent > 0
      ? Math.round((elapsed * (100 - progress.percent)) / progress.percent / 1000)
      : undefined;
  return { ...progress, ...(etaSeconds !== undefined && { etaSeconds }) };
}
