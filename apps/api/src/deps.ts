import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { createDialogueManager, type DialogueManager } from '@parley/dialogue';
import {
  connectStore,
  launchDevDatabase,
  seedDefaultBot,
  type ConnectedStore,
  type DevDatabase,
} from '@parley/store';
import type { AppDeps } from './app.js';
import { createSessionService, type SessionService } from './auth/sessions.js';
import { ConfigError, type Config } from './config.js';
import { SETUP_TOKEN_NAME } from './routes/auth.router.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { adminRoutes, publicRoutes } from './routes/route-group.js';
import { addModelStatusRoutes } from './routes/admin/model-status.router.js';
import { addNluTestRoutes } from './routes/admin/nlu-test.router.js';
import { addSuggestionRoutes } from './routes/admin/suggestions.router.js';
import { addToolCallTryRoutes } from './routes/admin/tool-call-try.router.js';
import { addTrainingRoutes } from './routes/admin/training.router.js';
import {
  createMessengerChannel,
  type MessengerChannel,
} from './channels/messenger/messenger-channel.js';
import { findAdminDist } from './routes/admin-ui.router.js';
import { createChatRouter } from './routes/chat/chat.router.js';
import { createThreadTokens } from './routes/chat/thread-token.js';
import { createWidgetRouter } from './routes/widget/widget.router.js';
import { createBotRuntimePort } from './services/bot-runtime.js';
import { createCachedReads } from './services/cache/cached-reads.js';
import { createChangeWatcher } from './services/cache/change-watcher.js';
import { createConversationStore } from './services/conversations/conversation-store.js';
import { loadSentenceEncoder, SentenceEncoderError, type DenseEncoder } from '@parley/nlu';
import { createLocalNluEngine } from './services/local-nlu-engine.js';
import { createModelRuntime, type ModelRuntime } from './services/models/model-runtime.js';
import type { NluEngine } from './services/nlu-engine.js';
import {
  createTrainingService,
  type TrainingService,
} from './services/training/training-service.js';

/** How long a first-run setup link works. */
const SETUP_LINK_TTL_MS = 24 * 60 * 60_000;
const RATE_WINDOW_MS = 60_000;
/** Where a running API leaves its embedded database's address for CLI tools (in DATA_DIR). */
export const DEV_DATABASE_URI_FILE = 'devdb.uri';

export interface Deps {
  store: ConnectedStore;
  sessions: SessionService;
  metrics: Metrics;
  engine: NluEngine;
  models: ModelRuntime;
  training: TrainingService;
  dialogue: DialogueManager;
  messenger: MessengerChannel;
  /** What createApp needs, wired from the above. */
  app: AppDeps;
  /** Everything to release on shutdown, in order. */
  close(): Promise<void>;
}

/** Wires the process: database (embedded when MONGODB_URI is unset), NLU, dialogue, HTTP deps. */
export interface DepsOptions {
  /** Emit the database driver's command events (benchmarks count commands). */
  monitorCommands?: boolean;
}

export async function createDeps(
  config: Config,
  logger: Logger,
  options: DepsOptions = {},
): Promise<Deps> {
  // Before anything starts, so that a broken folder is one line naming the variable.
  const encoder = config.nluEncoderDir ? await sentenceEncoder(config.nluEncoderDir) : undefined;
  if (encoder) logger.info({ encoder: encoder.id }, 'sentence encoder loaded');
  let devDatabase: DevDatabase | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    const dataDir = path.join(config.dataDir, 'devdb');
    await mkdir(dataDir, { recursive: true });
    devDatabase = await launchDevDatabase({
      dataDir,
      synchronous: config.embeddedDbSynchronous,
      onRestart: ({ code, signal, error }) =>
        error
          ? logger.error(
              { err: error },
              'the embedded database died and could not be started again yet',
            )
          : logger.warn({ code, signal }, 'the embedded database died; started it again'),
    });
    uri = devDatabase.uri;
    await writeFile(path.join(config.dataDir, DEV_DATABASE_URI_FILE), uri);
    logger.info(
      { dataDir },
      'embedded development database started (set MONGODB_URI to use MongoDB)',
    );
  }
  const store = await connectStore({
    uri,
    dbName: config.mongodbDb,
    ...(options.monitorCommands && { monitorCommands: true }),
  });
  await mkdir(config.modelsDir, { recursive: true });
  if (await seedDefaultBot(store)) logger.info('seeded the default bot');
  // Every replica signs and checks login tokens with the same key, kept in the database.
  const sessions = createSessionService({
    key: await store.settings.getOrCreateSecret('authTokenKey'),
    ttlMs: config.sessionTtlMs,
    sessions: store.sessions,
    users: store.users,
  });
  await announceFirstRunSetup(store, config.publicUrl, logger);

  const metrics = createMetrics();
  const engine = createLocalNluEngine(encoder ? { encoder } : {});
  const models = createModelRuntime({
    store,
    engine,
    modelsDir: config.modelsDir,
    logger,
    pollMs: config.modelPollMs,
  });
  models.start();
  const training = createTrainingService({
    store,
    engine,
    modelsDir: config.modelsDir,
    instanceId: config.instanceId,
    logger,
    metrics,
  });
  // Per-message reads that rarely change are cached until any instance changes them.
  const watcher = createChangeWatcher({
    changes: store.changes,
    pollMs: config.changePollMs,
    logger,
  });
  const cached = createCachedReads({ store, watcher, logger });
  const conversations = createConversationStore({ conversations: store.conversations, logger });
  watcher.onChange(() => conversations.forget());
  watcher.start();
  const bots = createBotRuntimePort({
    store: { ...store, bots: { get: cached.bots.get, getSecrets: store.bots.getSecrets } },
    models,
    engine,
    metrics,
  });
  const dialogue = createDialogueManager({
    bots,
    conversations,
    maxContextBytes: config.conversationContextMaxBytes,
    onTurn: (turn) => {
      if (turn.toolCall && !turn.toolCall.ok)
        metrics.toolCallErrors.inc({ bot: turn.botId, intent: turn.intentId ?? 'none' });
    },
  });
  const threadTokens = createThreadTokens(await store.settings.getOrCreateSecret('threadTokenKey'));
  const messenger = createMessengerChannel({
    store,
    reads: cached.integrations,
    dialogue,
    logger,
    metrics,
    graph: { url: config.messenger.graphUrl, version: config.messenger.graphVersion },
    instanceId: config.instanceId,
    bodyLimitBytes: config.bodyLimitBytes,
    leaseMs: config.messenger.leaseMs,
    pollMs: config.messenger.pollMs,
    concurrency: config.messenger.concurrency,
    retentionMs: config.messenger.retentionMs,
  });
  messenger.start();

  const app: AppDeps = {
    logger,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    store,
    ping: store.ping,
    sessions,
    metrics,
    ...(config.metricsToken && { metricsToken: config.metricsToken }),
    adminOrigins: config.adminOrigins,
    checkResponses: config.checkResponses,
    adminUiDir: findAdminDist(config.adminDistDir),
    startTraining: async (botId) => {
      const started = await training.start(botId);
      return 'model' in started ? started.model.id : null;
    },
    routes: [
      adminRoutes((ctx) =>
        addTrainingRoutes(ctx, { training, modelsDir: config.modelsDir, models }),
      ),
      adminRoutes((ctx) =>
        addNluTestRoutes(ctx, { bots, dialogue, contextMaxBytes: config.chatContextMaxBytes }),
      ),
      adminRoutes((ctx) => addModelStatusRoutes(ctx, { engine })),
      adminRoutes((ctx) => addSuggestionRoutes(ctx, { bots })),
      adminRoutes((ctx) => addToolCallTryRoutes(ctx)),
      publicRoutes((registry) =>
        createChatRouter({
          dialogue,
          integrations: cached.integrations,
          apiKeys: cached.apiKeys,
          turns: store.turns,
          threadTokens,
          contextMaxBytes: config.chatContextMaxBytes,
          registry,
          clientLimiter: createRateLimiter(config.chatRateLimitPerClient, RATE_WINDOW_MS),
          threadLimiter: createRateLimiter(config.chatRateLimitPerThread, RATE_WINDOW_MS),
          metrics,
        }),
      ),
      publicRoutes((registry) =>
        createWidgetRouter({
          integrations: store.integrations,
          apiKeys: store.apiKeys,
          registry,
          widgetDir: config.widgetDir,
        }),
      ),
      publicRoutes((registry) => messenger.router(registry)),
    ],
  };

  return {
    store,
    sessions,
    metrics,
    engine,
    models,
    training,
    dialogue,
    messenger,
    app,
    async close() {
      models.stop();
      watcher.stop();
      await messenger.stop();
      await training.shutdown();
      await conversations.flush();
      await store.close();
      if (devDatabase) {
        await rm(path.join(config.dataDir, DEV_DATABASE_URI_FILE), { force: true });
        await devDatabase.stop();
      }
    },
  };
}

/** With no user yet, prints the one-time link that creates the first admin (every replica prints the same). */
async function announceFirstRunSetup(
  store: ConnectedStore,
  publicUrl: string,
  logger: Logger,
): Promise<void> {
  if ((await store.users.count()) > 0) return;
  const { value, expiresAt } = await store.settings.issueOneTimeToken(
    SETUP_TOKEN_NAME,
    SETUP_LINK_TTL_MS,
  );
  // The token sits in the fragment: browsers never send it to a server or a proxy log.
  const setupUrl = `${publicUrl}/admin/setup#token=${value}`;
  logger.info(
    { setupUrl, expiresAt: expiresAt.toISOString() },
    `First run: create the first admin at ${setupUrl}`,
  );
}

/** The one sentence encoder every bot shares (it holds about 190 MB of weights). */
async function sentenceEncoder(dir: string): Promise<DenseEncoder> {
  try {
    return await loadSentenceEncoder(dir);
  } catch (error) {
    if (error instanceof SentenceEncoderError)
      throw new ConfigError(
        `NLU_ENCODER_DIR: ${error.message} (npm run encoder:install -- --dir ${dir})`,
      );
    throw error;
  }
}
