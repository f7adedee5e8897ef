import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BotRuntimePort, DialogueManager } from '@parley/dialogue';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import type { AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const TEST_CHANNEL = 'admin-test';

/** Try the NLU on a sentence, and chat with a bot from the admin, seeing the whole state. */
export function addNluTestRoutes(
  { router, registry, basePath }: AdminContext,
  { bots, dialogue }: { bots: BotRuntimePort; dialogue: DialogueManager },
): void {
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/parse',
    summary: 'Parse a sentence: intent ranking and entities with the extractor that found each',
    tag: 'NLU',
    role: 'viewer',
    params: ZBotParams,
    body: z.object({
      text: z.string().min(1).max(5000),
      referenceTime: z.iso.datetime({ offset: true }).optional(),
    }),
    errors: [404],
    handler: async ({ params, body }) => {
      const bot = await bots.get(params.botId);
      if (!bot) throw HttpProblem.notFound(`Bot "${params.botId}"`);
      const result = await bot.nlu.parse(body.text, {
        timeZone: bot.settings.timeZone,
        ...(body.referenceTime && { referenceTime: new Date(body.referenceTime) }),
      });
      return {
        ...result,
        threshold: bot.settings.nlu.threshold,
        belowThreshold: result.intent.confidence < bot.settings.nlu.threshold,
        // Why the model may answer worse than when it was trained (see NluParser.warnings).
        modelWarnings: bot.nlu.warnings ?? [],
      };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/test-chat',
    summary: 'Chat as a user would (channel admin-test) and get the full state after the turn',
    tag: 'NLU',
    role: 'viewer',
    params: ZBotParams,
    body: z.object({
      threadId: z.string().min(1).max(200).optional(),
      text: z.string().min(1).max(5000),
      context: z.record(z.string(), z.unknown()).default({}),
    }),
    errors: [404],
    handler: async ({ params, body }) => {
      const threadId = body.threadId ?? `test-${randomUUID()}`;
      const result = await dialogue.handleMessage({
        botId: params.botId,
        threadId,
        text: body.text,
        context: body.context,
        channel: TEST_CHANNEL,
      });
      if (!result.ok && result.error.code === 'BOT_NOT_FOUND')
        throw HttpProblem.notFound(`Bot "${params.botId}"`);
      if (!result.ok)
        throw new HttpProblem({
          status: 503,
          code: result.error.code,
          title: 'Conversation busy',
          detail: result.error.message,
        });
      return result.reply;
    },
  });
}
