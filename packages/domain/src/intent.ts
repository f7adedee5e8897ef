import { z } from 'zod';
import { ZEntityName, ZSlug } from './ids.js';

export const ZEntitySpan = z.object({
  name: ZEntityName,
  value: z.string(),
  begin: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type EntitySpan = z.infer<typeof ZEntitySpan>;

export const ZTrainingExample = z.object({
  text: z.string().min(1).max(1000),
  entities: z.array(ZEntitySpan).default([]),
});
export type TrainingExample = z.infer<typeof ZTrainingExample>;

export const ZParameter = z.object({
  name: ZSlug,
  /** Entity type that fills it; absent means free text (the whole answer). */
  entity: ZEntityName.optional(),
  required: z.boolean().default(true),
  prompt: z.string().max(2000).default(''),
  /** Said when an answer does not contain the entity; the prompt is repeated when absent. */
  reprompt: z.string().max(2000).optional(),
  /** How many answers without the entity before giving up. */
  maxTries: z.number().int().min(1).max(10).default(3),
});
export type Parameter = z.infer<typeof ZParameter>;

export const ZHeader = z.object({ name: z.string().min(1).max(200), value: z.string().max(4000) });

export const ZToolCall = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  /** Handlebars template. */
  url: z.string().min(1).max(4000),
  headers: z.array(ZHeader).max(50).default([]),
  bodyType: z.enum(['none', 'json', 'form']).default('none'),
  /** Handlebars template: JSON text for `json`, `a=b&c=d` pairs for `form`. */
  body: z.string().max(100_000).default(''),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});
export type ToolCall = z.infer<typeof ZToolCall>;

export const ZQuickReply = z.object({
  title: z.string().min(1).max(200),
  payload: z.string().max(1000).optional(),
});
export const ZButton = z.object({
  title: z.string().min(1).max(200),
  payload: z.string().max(1000).optional(),
  url: z.url().optional(),
});

export const ZIntentDefinition = z.object({
  intentId: ZSlug,
  name: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  /** False for the built-in intents (fallback, cancel, init_conversation). */
  userDefined: z.boolean().default(true),
  /** Response variants (Handlebars); one is picked at random; `###` splits messages. */
  responses: z.array(z.string().max(20_000)).max(50).default([]),
  quickReplies: z.array(ZQuickReply).max(20).default([]),
  buttons: z.array(ZButton).max(20).default([]),
  /** Said when the tool call or a template fails; the bot-wide default applies when absent. */
  errorResponse: z.string().max(2000).optional(),
  parameters: z.array(ZParameter).max(50).default([]),
  toolCall: ZToolCall.nullable().default(null),
  /** What happens when another intent arrives while this one collects parameters. */
  onInterrupt: z.enum(['switch', 'resume']).default('switch'),
  trainingData: z.array(ZTrainingExample).max(50_000).default([]),
});
export type IntentDefinition = z.infer<typeof ZIntentDefinition>;
export type IntentDefinitionInput = z.input<typeof ZIntentDefinition>;
