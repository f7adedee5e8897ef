import { z } from 'zod';
import { ZBotSettings, ZEntityDefinition, ZIntentDefinition, ZNluSettings } from '@parley/domain';
import { ZRole, ZValidationIssues } from './admin.schemas.js';

/**
 * What admin routes answer, as JSON (times are ISO strings): the schemas the OpenAPI document
 * publishes and CHECK_RESPONSES holds every response to. Free-form parts (a turn's NLU result,
 * model metrics) are objects the document leaves open.
 */
const ZTime = z.iso.datetime({ offset: true });
const ZOpenObject = z.record(z.string(), z.unknown());

export const ZApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  role: ZRole,
  prefix: z.string(),
  createdAt: ZTime,
  lastUsedAt: ZTime.nullable(),
  revokedAt: ZTime.nullable(),
});

export const ZUserView = z.object({
  id: z.string(),
  username: z.string(),
  role: ZRole,
  createdAt: ZTime,
});

export const ZAuditEntryView = z.object({
  at: ZTime,
  actor: z.object({ kind: z.enum(['apiKey', 'user', 'system']), id: z.string(), name: z.string() }),
  action: z.string(),
  target: z.string(),
  botId: z.string().nullable(),
  details: ZOpenObject,
});

/** A bot as the API shows it: its settings with the LLM key replaced by whether one is set. */
export const ZBotView = ZBotSettings.extend({
  id: z.string(),
  nlu: ZNluSettings.extend({
    llm: ZNluSettings.shape.llm.unwrap().omit({ apiKey: true }).extend({ hasApiKey: z.boolean() }),
  }),
  activeModelId: z.string().nullable(),
  secretNames: z.array(z.string()),
  createdAt: ZTime,
  updatedAt: ZTime,
});

export const ZThreadPage = z.object({
  threads: z.array(
    z.object({
      threadId: z.string(),
      firstAt: ZTime,
      lastAt: ZTime,
      turns: z.number().int(),
      fallbacks: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** A recorded turn: the fields every turn has, and what the dialogue recorded with it. */
export const ZTurnView = z.looseObject({
  botId: z.string(),
  threadId: z.string(),
  seq: z.number().int(),
  at: ZTime,
  channel: z.string(),
  userText: z.string(),
  intentId: z.string().nullable(),
  fellBack: z.boolean(),
  latencyMs: z.number(),
});

export const ZIntentView = ZIntentDefinition;
export const ZEntityView = ZEntityDefinition;

export const ZIntegrationView = z.looseObject({
  botId: z.string(),
  channel: z.enum(['rest', 'widget', 'messenger']),
  enabled: z.boolean(),
  settings: ZOpenObject,
  secretNames: z.array(z.string()),
  updatedAt: ZTime,
});

export const ZImportReport = z.object({
  format: z.enum(['parley', 'acf']),
  intents: z.number().int(),
  entities: z.number().int(),
  warnings: ZValidationIssues,
  trainingJobId: z.string().nullable(),
});

export const ZModelView = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['queued', 'training', 'ready', 'failed']),
  progress: ZOpenObject.nullable(),
  error: z.string().nullable(),
  metrics: ZOpenObject.nullable(),
  dataHash: z.string(),
  sizeBytes: z.number().nullable(),
  durationMs: z.number().nullable(),
  createdAt: ZTime,
  startedAt: ZTime.nullable(),
  finishedAt: ZTime.nullable(),
});

export const ZTrainAnswer = z.object({
  jobId: z.string(),
  status: z.enum(['queued', 'skipped']),
  model: ZModelView,
});

export const ZModelList = z.object({
  activeModelId: z.string().nullable(),
  runtime: z.object({
    activeModelId: z.string().nullable(),
    state: z.enum(['loaded', 'none', 'failed']),
    error: z.string().optional(),
  }),
  models: z.array(ZModelView),
});

export const ZParseAnswer = z.looseObject({
  intent: z.object({ name: z.string(), confidence: z.number() }),
  ranking: z.array(z.object({ name: z.string(), confidence: z.number() })),
  entities: z.array(ZOpenObject),
  source: z.string(),
  threshold: z.number(),
  belowThreshold: z.boolean(),
  modelWarnings: z.array(z.string()),
});

export const ZTestChatAnswer = z.looseObject({
  botId: z.string(),
  threadId: z.string(),
  messages: z.array(ZOpenObject),
  intent: z.object({ name: z.string(), confidence: z.number() }).nullable(),
  entities: z.array(ZOpenObject),
  complete: z.boolean(),
  missingParameters: z.array(z.string()),
  parameters: ZOpenObject,
  context: ZOpenObject,
  fellBack: z.boolean(),
  seq: z.number().int(),
});
