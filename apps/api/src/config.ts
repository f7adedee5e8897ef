import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ZLogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Every setting Parley reads from the environment; the schema is the documentation. */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Unset: start the embedded development database with data under DATA_DIR. */
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
    .optional(),
  MONGODB_DB: z.string().min(1).optional(),
  /** The embedded database's SQLite synchronous mode (see the README's performance section). */
  EMBEDDED_DB_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  DATA_DIR: z.string().min(1).optional(),
  MODELS_DIR: z.string().min(1).optional(),
  /** The optional sentence encoder (`npm run encoder:install`); unset: the shipped word vectors. */
  NLU_ENCODER_DIR: z.string().min(1).optional(),
  LOG_LEVEL: ZLogLevel.default('info'),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  /** How long shutdown waits for in-flight requests (keep it under the orchestrator's stop timeout). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
  /** Express `trust proxy`: hops of proxies (an ALB is 1) whose X-Forwarded-For is trusted. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Chat messages per minute from one client (key or IP). */
  CHAT_RATE_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).default(600),
  /** Chat messages per minute on one conversation thread. */
  CHAT_RATE_LIMIT_PER_THREAD: z.coerce.number().int().min(1).default(60),
  /** How often each instance checks whether a bot's active model changed. */
  MODEL_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2000),
  /** Development and tests: check every response against its declared schema (a mismatch is a 500). */
  CHECK_RESPONSES: z.stringbool().default(false),
  /** How often each instance checks for changes made elsewhere (bots, channel keys, API keys): the staleness bound of its caches. */
  CHANGE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /** Names this instance in training leases; hostname and pid by default. */
  INSTANCE_ID: z.string().min(1).max(200).optional(),
  /** The API's public base URL, for links it prints (setup link, widget snippet, webhooks). */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /** Other origins that may call the API with the admin UI's cookie (CORS with credentials). */
  ADMIN_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.url({ protocol: /^https?$/ }).refine(isOrigin, 'must be an origin: scheme://host[:port]'),
      ),
    )
    .default([]),
  /** How long an admin UI login lasts. */
  SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(480),
  /** Bearer token Prometheus sends to /metrics; unset: /metrics needs an admin API credential. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').max(500).optional(),
  /** Serve /metrics on its own listener (no credentials) instead of the API port. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Largest `context` a chat client may send with one message, serialised. */
  CHAT_CONTEXT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .max(1024 * 1024)
    .default(4096),
  /** Largest context a conversation may keep, serialised; a message that would grow it past this is refused. */
  CONVERSATION_CONTEXT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(4 * 1024 * 1024)
    .default(16_384),
  /** The built web chat widget (widget.js, its hashed copy, manifest.json). */
  WIDGET_DIR: z.string().min(1).optional(),
  /** Facebook's Graph API (a local server in tests). */
  MESSENGER_GRAPH_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  MESSENGER_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v23.0')
    .default('v23.0'),
  /** How long an instance holds a Messenger conversation; a dead instance's events wait this long. */
  MESSENGER_LEASE_MS: z.coerce
    .number()
    .int()
    .min(200)
    .max(10 * 60_000)
    .default(30_000),
  /** How often each instance looks for Messenger events left behind. */
  MESSENGER_POLL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(10 * 60_000)
    .default(5000),
  /** Messenger conversations answered at once by one instance. */
  MESSENGER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** How long finished Messenger events are kept to recognise a redelivery. */
  MESSENGER_EVENT_RETENTION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 90)
    .default(48),
  /** The built admin UI (index.html and assets); apps/admin/dist by default. */
  ADMIN_DIST_DIR: z.string().min(1).optional(),
});

function isOrigin(value: string): boolean {
  const url = new URL(value);
  return url.origin === value.replace(/\/$/, '');
}

export interface Config {
  port: number;
  host: string;
  mongodbUri: string | undefined;
  mongodbDb: string | undefined;
  embeddedDbSynchronous: 'normal' | 'full';
  dataDir: string;
  modelsDir: string;
  /** Folder of the installed sentence encoder, or null. */
  nluEncoderDir: string | null;
  logLevel: z.infer<typeof ZLogLevel>;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  trustProxy: number;
  chatRateLimitPerClient: number;
  chatRateLimitPerThread: number;
  modelPollMs: number;
  changePollMs: number;
  checkResponses: boolean;
  instanceId: string;
  publicUrl: string;
  adminOrigins: string[];
  sessionTtlMs: number;
  metricsToken: string | undefined;
  metricsListen: { port: number; host: string } | undefined;
  chatContextMaxBytes: number;
  conversationContextMaxBytes: number;
  widgetDir: string;
  messenger: {
    graphUrl: string;
    graphVersion: string;
    leaseMs: number;
    pollMs: number;
    concurrency: number;
    retentionMs: number;
  };
  adminDistDir: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment; a bad value throws, naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  // npm sets INIT_CWD to where `npm start` was typed: data lands in the repo's .data/.
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = path.resolve(base, values.DATA_DIR ?? '.data');
  return {
    port: values.PORT,
    host: values.HOST,
    mongodbUri: values.MONGODB_URI,
    mongodbDb: values.MONGODB_DB,
    embeddedDbSynchronous: values.EMBEDDED_DB_SYNCHRONOUS,
    dataDir,
    modelsDir: path.resolve(base, values.MODELS_DIR ?? path.join(dataDir, 'models')),
    nluEncoderDir: values.NLU_ENCODER_DIR ? path.resolve(base, values.NLU_ENCODER_DIR) : null,
    logLevel: values.LOG_LEVEL,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    trustProxy: values.TRUST_PROXY,
    chatRateLimitPerClient: values.CHAT_RATE_LIMIT_PER_CLIENT,
    chatRateLimitPerThread: values.CHAT_RATE_LIMIT_PER_THREAD,
    modelPollMs: values.MODEL_POLL_MS,
    changePollMs: values.CHANGE_POLL_MS,
    checkResponses: values.CHECK_RESPONSES,
    instanceId: values.INSTANCE_ID ?? `${os.hostname()}:${process.pid}`,
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    adminOrigins: values.ADMIN_ORIGINS.map((origin) => new URL(origin).origin),
    sessionTtlMs: values.SESSION_TTL_MINUTES * 60_000,
    metricsToken: values.METRICS_TOKEN,
    metricsListen: values.METRICS_PORT
      ? { port: values.METRICS_PORT, host: values.METRICS_HOST }
      : undefined,
    chatContextMaxBytes: values.CHAT_CONTEXT_MAX_BYTES,
    conversationContextMaxBytes: values.CONVERSATION_CONTEXT_MAX_BYTES,
    // apps/api/src or apps/api/dist → apps/widget/dist, in the repository and in the image.
    widgetDir: values.WIDGET_DIR
      ? path.resolve(base, values.WIDGET_DIR)
      : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widget/dist'),
    messenger: {
      graphUrl: values.MESSENGER_GRAPH_URL,
      graphVersion: values.MESSENGER_GRAPH_VERSION,
      leaseMs: values.MESSENGER_LEASE_MS,
      pollMs: values.MESSENGER_POLL_MS,
      concurrency: values.MESSENGER_CONCURRENCY,
      retentionMs: values.MESSENGER_EVENT_RETENTION_HOURS * 60 * 60_000,
    },
    adminDistDir: values.ADMIN_DIST_DIR && path.resolve(base, values.ADMIN_DIST_DIR),
  };
}

function emptyAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}
