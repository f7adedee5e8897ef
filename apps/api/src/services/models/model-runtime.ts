import path from 'node:path';
import type { Logger } from 'pino';
import type { NluParser } from '@parley/nlu';
import type { Store } from '@parley/store';
import type { NluEngine } from '../nlu-engine.js';

/**
 * Holds each bot's active local model in memory and follows the bot's `activeModelId`:
 * a poller notices a change made by any instance (training, rollback) and loads the new
 * model in the background; the old one keeps answering until the new one is ready.
 */
export interface ModelRuntime {
  /** The active local model of a bot, or null when none is trained. */
  get(botId: string): Promise<NluParser | null>;
  /** Checks every known bot's active model now (the poller calls it). */
  refresh(): Promise<void>;
  start(): void;
  stop(): void;
}

interface Loaded {
  modelId: string | null;
  parser: NluParser | null;
}

export function createModelRuntime(deps: {
  store: Pick<Store, 'bots' | 'models'>;
  engine: Pick<NluEngine, 'load'>;
  modelsDir: string;
  logger: Logger;
  pollMs?: number;
}): ModelRuntime {
  const loaded = new Map<string, Loaded>();
  const loading = new Map<string, Promise<Loaded>>();
  let timer: NodeJS.Timeout | undefined;
  const log = deps.logger.child({ component: 'model-runtime' });

  async function load(botId: string, modelId: string | null): Promise<Loaded> {
    if (!modelId) return { modelId: null, parser: null };
    const model = await deps.store.models.get(botId, modelId);
    if (!model?.artifactPath || model.status !== 'ready') {
      log.warn({ botId, modelId }, 'active model is not ready; answering without a local model');
      return { modelId, parser: null };
    }
    const parser = await deps.engine.load(path.join(deps.modelsDir, model.artifactPath));
    log.info({ botId, modelId, version: model.version }, 'model loaded');
    // An upgrade can change the word lists a model reads; it still answers, but worse.
    if (parser.warnings?.length)
      log.warn(
        { botId, modelId, version: model.version, warnings: parser.warnings },
        'model should be trained again',
      );
    return { modelId, parser };
  }

  async function sync(botId: string): Promise<Loaded> {
    const pending = loading.get(botId);
    if (pending) return pending;
    const run = (async () => {
      const activeId = (await deps.store.bots.getActiveModelId(botId)) ?? null;
      const current = loaded.get(botId);
      if (current && current.modelId === activeId) return current;
      const next = await load(botId, activeId);
      loaded.set(botId, next);
      return next;
    })().finally(() => loading.delete(botId));
    loading.set(botId, run);
    return run;
  }

  return {
    async get(botId) {
      const current = loaded.get(botId);
      if (current) return current.parser;
      return (await sync(botId)).parser;
    },

    async refresh() {
      await Promise.all(
        [...loaded.keys()].map((botId) =>
          sync(botId).catch((error: unknown) =>
            log.error(
              { botId, err: error },
              'could not load the active model; keeping the previous one',
            ),
          ),
        ),
      );
    },

    start() {
      timer ??= setInterval(() => void this.refresh(), deps.pollMs ?? 2000);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
