import { z } from 'zod';
import { SYSTEM_ENTITIES, ZEntityDefinition } from '@parley/domain';
import { ZEntityView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams, ZEntityParams } from './admin.schemas.js';

/** Entities: lookup values with synonyms, regex patterns; system entities are listed. */
export function addEntityRoutes({
  router,
  registry,
  basePath,
  store,
  audit,
}: AdminContext<'bots' | 'entities' | 'intents'>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/system-entities',
    summary: 'List the system entities parameters may use',
    tag: 'Entities',
    role: 'viewer',
    response: z.object({ entities: z.array(z.string()) }),
    handler: async () => ({ entities: SYSTEM_ENTITIES }),
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/entities',
    summary: 'List entities',
    tag: 'Entities',
    role: 'viewer',
    response: z.object({ entities: z.array(ZEntityView) }),
    params: ZBotParams,
    errors: [404],
    handler: async ({ params }) => {
      await requireBot(store, params.botId);
      return { entities: await store.entities.list(params.botId) };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/entities',
    summary: 'Create an entity',
    tag: 'Entities',
    role: 'admin',
    response: ZEntityView,
    params: ZBotParams,
    body: ZEntityDefinition,
    status: 201,
    errors: [404, 409],
    handler: async ({ params, body, principal, res }) => {
      await requireBot(store, params.botId);
      checkPatterns(body.patterns);
      const entity = await store.entities.create(params.botId, body);
      await audit(
        principal,
        'entity.create',
        `/bots/${params.botId}/entities/${entity.name}`,
        params.botId,
      );
      res.location(`${basePath}/bots/${params.botId}/entities/${entity.name}`);
      return entity;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/entities/:name',
    summary: 'Read an entity',
    tag: 'Entities',
    role: 'viewer',
    response: ZEntityView,
    params: ZEntityParams,
    errors: [404],
    handler: async ({ params }) => {
      const entity = await store.entities.get(params.botId, params.name);
      if (!entity) throw HttpProblem.notFound(`Entity "${params.name}"`);
      return entity;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'put',
    path: '/bots/:botId/entities/:name',
    summary: 'Replace an entity',
    tag: 'Entities',
    role: 'admin',
    response: ZEntityView,
    params: ZEntityParams,
    body: ZEntityDefinition,
    errors: [404, 409],
    handler: async ({ params, body, principal }) => {
      checkPatterns(body.patterns);
      const entity = await store.entities.replace(params.botId, params.name, body);
      if (!entity) throw HttpProblem.notFound(`Entity "${params.name}"`);
      await audit(
        principal,
        'entity.update',
        `/bots/${params.botId}/entities/${params.name}`,
        params.botId,
      );
      return entity;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/bots/:botId/entities/:name',
    summary: 'Delete an entity (refused while an intent uses it)',
    tag: 'Entities',
    role: 'admin',
    params: ZEntityParams,
    status: 204,
    errors: [404, 409],
    handler: async ({ params, principal }) => {
      const users = (await store.intents.list(params.botId)).filter(
        (intent) =>
          intent.parameters.some((parameter) => parameter.entity === params.name) ||
          intent.trainingData.some((example) =>
            example.entities.some((span) => span.name === params.name),
          ),
      );
      if (users.length > 0) {
        throw HttpProblem.conflict(
          `Entity "${params.name}" is used by intents: ${users.map((intent) => intent.intentId).join(', ')}`,
        );
      }
      if (!(await store.entities.delete(params.botId, params.name)))
        throw HttpProblem.notFound(`Entity "${params.name}"`);
      await audit(
        principal,
        'entity.delete',
        `/bots/${params.botId}/entities/${params.name}`,
        params.botId,
      );
    },
  });
}

function checkPatterns(patterns: string[]): void {
  const errors = patterns.flatMap((pattern, index) => {
    try {
      new RegExp(pattern, 'u');
      return [];
    } catch (error) {
      return [
        {
          path: `body.patterns.${index}`,
          message: `invalid regular expression: ${(error as Error).message}`,
        },
      ];
    }
  });
  if (errors.length > 0) throw HttpProblem.unprocessable(errors);
}
