import { z } from 'zod';
import type { BotRuntimePort } from '@parley/dialogue';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import type { AdminContext } from './admin-context.js';
import { ZIntentParams } from './admin.schemas.js';

const MAX_EXAMPLES = 300;

const ZSuggestion = z.object({
  /** The example's position in the intent's training data. */
  index: z.number().int(),
  text: z.string(),
  entities: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      begin: z.number().int(),
      end: z.number().int(),
      confidence: z.number(),
    }),
  ),
});

/**
 * Entity suggestions for the intent's examples that have no tags yet: what the bot's current
 * model finds in them (spans in the offsets training uses), to accept one by one or all at once.
 */
export function addSuggestionRoutes(
  { router, registry, basePath, store }: AdminContext<'intents'>,
  { bots }: { bots: BotRuntimePort },
): void {
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/intents/:intentId/suggestions',
    summary: "Entity tags the current model suggests for the intent's unannotated examples",
    tag: 'Intents',
    role: 'viewer',
    params: ZIntentParams,
    response: z.object({ suggestions: z.array(ZSuggestion) }),
    errors: [404],
    handler: async ({ params }) => {
      const [bot, intent] = await Promise.all([
        bots.get(params.botId),
        store.intents.get(params.botId, params.intentId),
      ]);
      if (!bot) throw HttpProblem.notFound(`Bot "${params.botId}"`);
      if (!intent) throw HttpProblem.notFound(`Intent "${params.intentId}"`);
      const custom = new Set(bot.entities.map((entity) => entity.name));
      const pending = intent.trainingData
        .map((example, index) => ({ example, index }))
        .filter(({ example }) => example.entities.length === 0)
        .slice(0, MAX_EXAMPLES);
      const suggestions: Array<z.infer<typeof ZSuggestion>> = [];
      for (const { example, index } of pending) {
        const parsed = await bot.nlu.parse(example.text, { timeZone: bot.settings.timeZone });
        const entities = withoutOverlaps(
          parsed.entities.filter(
            (entity) =>
              custom.has(entity.name) &&
              entity.end > entity.begin &&
              entity.end <= example.text.length,
          ),
        ).map((entity) => ({
          name: entity.name,
          value: example.text.slice(entity.begin, entity.end),
          begin: entity.begin,
          end: entity.end,
          confidence: entity.confidence,
        }));
        if (entities.length > 0) suggestions.push({ index, text: example.text, entities });
      }
      return { suggestions };
    },
  });
}

/** The most confident entity wins where extractors disagree on overlapping words. */
function withoutOverlaps<T extends { begin: number; end: number; confidence: number }>(
  entities: T[],
): T[] {
  const kept: T[] = [];
  for (const entity of [...entities].sort((a, b) => b.confidence - a.confidence)) {
    if (kept.every((other) => other.end <= entity.begin || entity.end <= other.begin))
      kept.push(entity);
  }
  return kept.sort((a, b) => a.begin - b.begin);
}
