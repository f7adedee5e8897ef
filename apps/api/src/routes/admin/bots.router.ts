import { z } from 'zod';
import { localizeBotTexts, ZBotSettings, type BotSettings } from '@parley/domain';
import { ZBotView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import { botView } from '../../services/bot-view.js';
import { llmEndpointProblem } from '../../services/check-llm-endpoint.js';
import { mergePatch } from '../../services/merge-settings.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams, ZMergePatch, ZSecretParams } from './admin.schemas.js';

const ZCreateBotBody = ZBotSettings.extend({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)
    .optional(),
});

/** Bots: CRUD, NLU/dialogue settings (the LLM key write-only) and tool-call secrets. */
export function addBotRoutes({
  router,
  registry,
  basePath,
  store,
  audit,
}: AdminContext<
  'bots' | 'conversations' | 'entities' | 'integrations' | 'intents' | 'models' | 'turns'
>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots',
    summary: 'List bots',
    tag: 'Bots',
    role: 'viewer',
    response: z.object({ bots: z.array(ZBotView) }),
    handler: async () => ({ bots: (await store.bots.list()).map(botView) }),
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots',
    summary: 'Create a bot',
    tag: 'Bots',
    role: 'admin',
    response: ZBotView,
    body: ZCreateBotBody,
    status: 201,
    errors: [409],
    handler: async ({ body, principal, res }) => {
      const { id, ...parsed } = body;
      // Texts left at their defaults are said in the bot's language.
      const settings = localizeBotTexts(parsed);
      refuseLlmEndpoint(settings);
      const bot = await store.bots.create(settings, id);
      await audit(principal, 'bot.create', `/bots/${bot.id}`, bot.id, { name: settings.name });
      res.location(`${basePath}/bots/${bot.id}`);
      return botView(bot);
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId',
    summary: 'Read a bot',
    tag: 'Bots',
    role: 'viewer',
    response: ZBotView,
    params: ZBotParams,
    errors: [404],
    handler: async ({ params }) => botView(await requireBot(store, params.botId)),
  });

  defineRoute(router, registry, basePath, {
    method: 'patch',
    path: '/bots/:botId',
    summary: 'Update bot settings (JSON merge patch; `nlu.llm.apiKey: null` removes the key)',
    tag: 'Bots',
    role: 'admin',
    response: ZBotView,
    params: ZBotParams,
    body: ZMergePatch,
    errors: [404],
    handler: async ({ params, body, principal }) => {
      const bot = await requireBot(store, params.botId);
      const merged = ZBotSettings.safeParse(mergePatch(bot.settings, body));
      if (!merged.success)
        throw new z.ZodError(
          merged.error.issues.map((issue) => ({ ...issue, path: ['body', ...issue.path] })),
        );
      const settings = localizeBotTexts(merged.data, bot.settings.language);
      refuseLlmEndpoint(settings);
      const updated = await store.bots.updateSettings(bot.id, settings);
      if (!updated) throw HttpProblem.notFound(`Bot "${bot.id}"`);
      await audit(principal, 'bot.update', `/bots/${bot.id}`, bot.id, {
        fields: Object.keys(body),
      });
      return botView(updated);
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/bots/:botId',
    summary:
      'Delete a bot with its intents, entities, integrations, conversations, logs and models',
    tag: 'Bots',
    role: 'admin',
    params: ZBotParams,
    status: 204,
    errors: [404],
    handler: async ({ params, principal }) => {
      const bot = await requireBot(store, params.botId);
      await Promise.all([
        store.intents.deleteAll(bot.id),
        store.entities.deleteAll(bot.id),
        store.integrations.deleteAll(bot.id),
        store.conversations.deleteAll(bot.id),
        store.turns.deleteAll(bot.id),
        store.models.deleteAll(bot.id),
      ]);
      await store.bots.delete(bot.id);
      await audit(principal, 'bot.delete', `/bots/${bot.id}`, bot.id);
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'put',
    path: '/bots/:botId/secrets/:name',
    summary: 'Set a secret tool calls may use as {{secrets.NAME}} (write-only)',
    tag: 'Bots',
    role: 'admin',
    params: ZSecretParams,
    body: z.object({ value: z.string().min(1).max(10_000) }),
    status: 204,
    errors: [404],
    handler: async ({ params, body, principal }) => {
      await requireBot(store, params.botId);
      await store.bots.setSecret(params.botId, params.name, body.value);
      await audit(
        principal,
        'secret.set',
        `/bots/${params.botId}/secrets/${params.name}`,
        params.botId,
      );
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/bots/:botId/secrets/:name',
    summary: 'Delete a secret',
    tag: 'Bots',
    role: 'admin',
    params: ZSecretParams,
    status: 204,
    errors: [404],
    handler: async ({ params, principal }) => {
      await requireBot(store, params.botId);
      if (!(await store.bots.deleteSecret(params.botId, params.name)))
        throw HttpProblem.notFound(`Secret "${params.name}"`);
      await audit(
        principal,
        'secret.delete',
        `/bots/${params.botId}/secrets/${params.name}`,
        params.botId,
      );
    },
  });
}

function refuseLlmEndpoint(settings: BotSettings): void {
  const problem = llmEndpointProblem(settings);
  if (problem)
    throw HttpProblem.unprocessable([{ path: 'body.nlu.llm.baseUrl', message: problem }]);
}
