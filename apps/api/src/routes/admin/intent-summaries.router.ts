import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZIntentSummary = z.object({
  intentId: z.string(),
  name: z.string(),
  userDefined: z.boolean(),
  examples: z.number().int(),
  parameters: z.number().int(),
  /** When the intent was last changed (ISO 8601). */
  updatedAt: z.iso.datetime().nullable(),
});

/** The intents table of the admin: counts and last edit, without every example. */
export function addIntentSummaryRoutes({
  router,
  registry,
  basePath,
  store,
}: AdminContext<'bots' | 'intents'>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/intent-summaries',
    summary: 'List intents with their example and parameter counts and when each was last edited',
    tag: 'Intents',
    role: 'viewer',
    params: ZBotParams,
    response: z.object({ intents: z.array(ZIntentSummary) }),
    errors: [404],
    handler: async ({ params }) => {
      await requireBot(store, params.botId);
      const [intents, updated] = await Promise.all([
        store.intents.list(params.botId),
        store.intents.lastUpdated(params.botId),
      ]);
      return {
        intents: intents.map((intent) => ({
          intentId: intent.intentId,
          name: intent.name,
          userDefined: intent.userDefined,
          examples: intent.trainingData.length,
          parameters: intent.parameters.length,
          updatedAt: updated.get(intent.intentId) ?? null,
        })),
      };
    },
  });
}
