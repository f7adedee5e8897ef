import { z } from 'zod';
import { defineRoute } from '../../http/define-route.js';
import type { NluEngine } from '../../services/nlu-engine.js';
import { buildTrainingData } from '../../services/training/training-data.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZModelStatus = z.object({
  activeModelId: z.string().nullable(),
  /** The active model was trained on exactly the bot's current data. */
  upToDate: z.boolean(),
  /** Training can start (the data is complete enough). */
  trainable: z.boolean(),
  /** Why it cannot, in the bot builder's words. */
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});

/**
 * "Model out of date — train": the bot's training data hashed as training hashes it,
 * compared with the data hash of the active model.
 */
export function addModelStatusRoutes(
  { router, registry, basePath, store }: AdminContext<'bots' | 'entities' | 'intents' | 'models'>,
  { engine }: { engine: Pick<NluEngine, 'hash'> },
): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/model-status',
    summary: "Whether the bot's data changed since its active model was trained",
    tag: 'Models',
    role: 'viewer',
    params: ZBotParams,
    response: ZModelStatus,
    errors: [404],
    handler: async ({ params }): Promise<z.infer<typeof ZModelStatus>> => {
      const bot = await requireBot(store, params.botId);
      const [intents, entities, active] = await Promise.all([
        store.intents.list(bot.id),
        store.entities.list(bot.id),
        bot.activeModelId ? store.models.get(bot.id, bot.activeModelId) : null,
      ]);
      const built = buildTrainingData(
        intents,
        entities,
        bot.settings.dialogue.fallbackIntentId,
        bot.settings.language,
      );
      if (!built.ok)
        return {
          activeModelId: bot.activeModelId,
          upToDate: false,
          trainable: false,
          problems: built.problems,
        };
      return {
        activeModelId: bot.activeModelId,
        upToDate: active?.status === 'ready' && active.dataHash === engine.hash(built.data),
        trainable: true,
        problems: [],
      };
    },
  });
}
