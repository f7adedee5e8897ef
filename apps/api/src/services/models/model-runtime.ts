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
  /** The active local model of a bot, or null when none is trained or it cannot be loaded. */
  get(botId: string): Promise<NluParser | null>;
  /** Whether this instance could load the bot's active model, and why not. */
  status(botId: string): Promise<ModelLoadStatus>;
  /** Checks every known bot's active model now (the poller calls it). */
  refresh(): Promise<void>;
  start(): void;
  stop(): void;
}

export interface ModelLoadStatus {
  activeModelId: string | null;
  /** `loaded`: answering; `none`: no active model; `failed`: it could not be loaded (`error`). */
  state: 'loaded' | 'none' | 'failed';
  error?: string;
}

interface Loaded {
  modelId: string | null;
  parser: NluParser | null;
  /** Why the active model could not be loaded (a corrupt file, another format). */
  error?: string;
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
      return { modelId, parser: null, error: 'the active model is not ready' };
    }
    let parser: NluParser;
    try {
      parser = await deps.engine.load(path.join(deps.modelsDir, model.artifactPath));
    } catch (error) {
      // Logged once per model: the bot keeps answering with its entities and the fallback.
      const reason = error instanceof Error ? error.message : String(error);
      log.error(
        { botId, modelId, version: model.version, err: error },
        'could not load the active model; answering without it (train again or activate another)',
      );
      return { modelId, parser: null, error: reason };
    }
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

    async status(botId) {
      const current = loaded.get(botId) ?? (await sync(botId));
      if (!current.modelId) return { activeModelId: null, state: 'none' };
      if (current.parser) return { activeModelId: current.modelId, state: 'loaded' };
      return {
        activeModelId: current.modelId,
        state: 'failed',
        ...(current.error && { error: current.error }),
      };
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
