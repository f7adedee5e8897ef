import { z } from 'zod';
import { createLlmParser } from '@parley/nlu';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZTestResult = z.object({
  ok: z.boolean(),
  /** What happened, in words: "understood", "the endpoint answered 401" … */
  outcome: z.string(),
  model: z.string().nullable(),
  latencyMs: z.number().nullable(),
  intent: z.object({ name: z.string(), confidence: z.number() }).nullable(),
  error: z.string().optional(),
});

/**
 * "Test connection" for a bot's LLM endpoint: one real parse through the same parser chat
 * uses (no retries, no cache), with a base URL or model not saved yet if given. The stored
 * key is used; it never comes back.
 */
export function addLlmTestRoutes({
  router,
  registry,
  basePath,
  store,
}: AdminContext<'bots' | 'entities' | 'intents'>): void {
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/llm/test',
    summary: "Test the bot's LLM endpoint with one parse",
    tag: 'NLU',
    role: 'admin',
    params: ZBotParams,
    body: z.object({
      baseUrl: z.url().optional(),
      model: z.string().min(1).max(200).optional(),
      text: z.string().min(1).max(500).default('hello'),
    }),
    response: ZTestResult,
    errors: [404],
    handler: async ({ params, body }): Promise<z.infer<typeof ZTestResult>> => {
      const bot = await requireBot(store, params.botId);
      const settings = {
        ...bot.settings.nlu.llm,
        ...(body.baseUrl && { baseUrl: body.baseUrl }),
        ...(body.model && { model: body.model }),
      };
      if (!settings.baseUrl || !settings.model) {
        return {
          ok: false,
          outcome: 'Set the endpoint URL and the model first.',
          model: settings.model ?? null,
          latencyMs: null,
          intent: null,
        };
      }
      const [intents, entities] = await Promise.all([
        store.intents.list(bot.id),
        store.entities.list(bot.id),
      ]);
      let latencyMs: number | null = null;
      const parser = createLlmParser({
        bot: { intents, entities },
        settings,
        fallbackIntentId: bot.settings.dialogue.fallbackIntentId,
        options: { retries: 0, cacheSize: 0 },
        onCall: (call) => {
          latencyMs = (latencyMs ?? 0) + call.latencyMs;
        },
      });
      const outcome = await parser.parseDetailed(body.text, { timeZone: bot.settings.timeZone });
      const intent = outcome.result.intent;
      switch (outcome.kind) {
        case 'understood':
        case 'unknown_intent':
          return {
            ok: true,
            outcome: `The model answered: "${body.text}" → ${intent.name}`,
            model: settings.model,
            latencyMs,
            intent,
          };
        case 'not_understood':
          return {
            ok: false,
            outcome: 'The endpoint answered, but not with the JSON Parley asked for.',
            model: settings.model,
            latencyMs,
            intent: null,
            error: outcome.error,
          };
        case 'failed':
          return {
            ok: false,
            outcome: `The call failed (${outcome.failure.kind}${outcome.failure.status ? `, HTTP ${outcome.failure.status}` : ''}).`,
            model: settings.model,
            latencyMs,
            intent: null,
            error: outcome.failure.message,
          };
      }
    },
  });
}
