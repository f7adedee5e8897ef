import { z } from 'zod';
import { checkIntent, ZIntentDefinition, type IntentDefinition } from '@parley/domain';
import type { Store } from '@parley/store';
import { ZIntentView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import { checkIntentTemplates } from '../../services/check-templates.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams, ZIntentParams } from './admin.schemas.js';

/** Intents: responses, parameters, tool call and training examples, validated as a whole. */
export function addIntentRoutes({
  router,
  registry,
  basePath,
  store,
  audit,
}: AdminContext<'bots' | 'entities' | 'intents'>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/intents',
    summary: 'List intents',
    tag: 'Intents',
    role: 'viewer',
    response: z.object({ intents: z.array(ZIntentView) }),
    params: ZBotParams,
    errors: [404],
    handler: async ({ params }) => {
      await requireBot(store, params.botId);
      return { intents: await store.intents.list(params.botId) };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/intents',
    summary: 'Create an intent',
    tag: 'Intents',
    role: 'admin',
    response: ZIntentView,
    params: ZBotParams,
    body: ZIntentDefinition,
    status: 201,
    errors: [404, 409],
    handler: async ({ params, body, principal, res }) => {
      await requireBot(store, params.botId);
      await checkAgainstBot(store, params.botId, body);
      const intent = await store.intents.create(params.botId, body);
      await audit(
        principal,
        'intent.create',
        `/bots/${params.botId}/intents/${intent.intentId}`,
        params.botId,
      );
      res.location(`${basePath}/bots/${params.botId}/intents/${intent.intentId}`);
      return intent;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/intents/:intentId',
    summary: 'Read an intent',
    tag: 'Intents',
    role: 'viewer',
    response: ZIntentView,
    params: ZIntentParams,
    errors: [404],
    handler: async ({ params }) => {
      const intent = await store.intents.get(params.botId, params.intentId);
      if (!intent) throw HttpProblem.notFound(`Intent "${params.intentId}"`);
      return intent;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'put',
    path: '/bots/:botId/intents/:intentId',
    summary: 'Replace an intent (its intentId may change)',
    tag: 'Intents',
    role: 'admin',
    response: ZIntentView,
    params: ZIntentParams,
    body: ZIntentDefinition,
    errors: [404, 409],
    handler: async ({ params, body, principal }) => {
      await requireBot(store, params.botId);
      await checkAgainstBot(store, params.botId, body);
      const intent = await store.intents.replace(params.botId, params.intentId, body);
      if (!intent) throw HttpProblem.notFound(`Intent "${params.intentId}"`);
      await audit(
        principal,
        'intent.update',
        `/bots/${params.botId}/intents/${params.intentId}`,
        params.botId,
      );
      return intent;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/bots/:botId/intents/:intentId',
    summary: 'Delete an intent',
    tag: 'Intents',
    role: 'admin',
    params: ZIntentParams,
    status: 204,
    errors: [404],
    handler: async ({ params, principal }) => {
      if (!(await store.intents.delete(params.botId, params.intentId)))
        throw HttpProblem.notFound(`Intent "${params.intentId}"`);
      await audit(
        principal,
        'intent.delete',
        `/bots/${params.botId}/intents/${params.intentId}`,
        params.botId,
      );
    },
  });
}

async function checkAgainstBot(
  store: Pick<Store, 'entities'>,
  botId: string,
  intent: IntentDefinition,
): Promise<void> {
  const entities = (await store.entities.list(botId)).map((entity) => entity.name);
  const issues = [...checkIntent(intent, entities), ...checkIntentTemplates(intent)];
  if (issues.length === 0) return;
  // Definition issues say `trainingData[0].text`; request errors say `body.trainingData.0.text`.
  throw HttpProblem.unprocessable(
    issues.map((issue) => ({
      path: `body.${issue.path.replace(/\[(\d+)\]/g, '.$1')}`,
      message: issue.message,
    })),
  );
}
