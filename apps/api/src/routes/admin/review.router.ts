import { z } from 'zod';
import { ZTurnView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

/** The admin's own test chat: not messages from the bot's users. */
const TEST_CHANNELS = ['admin-test', 'test'];

/**
 * "Needs review": messages that fell back or were answered below the bot's threshold, newest
 * first. A message stops needing review once its text is a training example of an intent.
 */
export function addReviewRoutes({
  router,
  registry,
  basePath,
  store,
}: AdminContext<'bots' | 'intents' | 'review'>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/review',
    summary:
      'Messages that fell back or were answered below the threshold and are not examples yet',
    tag: 'Chat logs',
    role: 'viewer',
    response: z.object({
      threshold: z.number(),
      turns: z.array(ZTurnView),
      nextCursor: z.string().nullable(),
    }),
    params: ZBotParams,
    query: z.object({
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    errors: [404],
    handler: async ({ params, query }) => {
      const bot = await requireBot(store, params.botId);
      const intents = await store.intents.list(bot.id);
      const examples = new Set(
        intents.flatMap((intent) => intent.trainingData.map((example) => normalize(example.text))),
      );
      const page = await store.review.list(
        bot.id,
        {
          threshold: bot.settings.nlu.threshold,
          excludeChannels: TEST_CHANNELS,
          cursor: query.cursor ?? null,
          limit: query.limit,
        },
        (turn) => !examples.has(normalize(turn.userText)),
      );
      return { threshold: bot.settings.nlu.threshold, ...page };
    },
  });
}

function normalize(text: string): string {
  return text.trim().toLowerCase();
}
