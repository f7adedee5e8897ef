import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BotRuntimePort, DialogueManager } from '@parley/dialogue';
import { hasRole } from '../../auth/principal.js';
import { checkContextSize, ZClientContext } from '../../http/client-context.js';
import { ZParseAnswer, ZTestChatAnswer } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { dialogueProblem } from '../../http/dialogue-problem.js';
import { HttpProblem } from '../../http/problem.js';
import type { AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

/** Test chats are recorded on their own channel, in their own thread namespace. */
const TEST_CHANNEL = 'test';
const TEST_THREAD_PREFIX = 'test:';

/** Try the NLU on a sentence, and chat with a bot from the admin, seeing the whole state. */
export function addNluTestRoutes(
  { router, registry, basePath }: AdminContext<never>,
  {
    bots,
    dialogue,
    contextMaxBytes,
  }: { bots: BotRuntimePort; dialogue: DialogueManager; contextMaxBytes: number },
): void {
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/parse',
    summary: 'Parse a sentence: intent ranking and entities with the extractor that found each',
    tag: 'NLU',
    role: 'viewer',
    response: ZParseAnswer,
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
    summary:
      'Chat as a user would and get the full state after the turn. Threads live apart from real ones (`test:` ids, channel `test`); a bot with tool calls needs the admin role, as the calls are real',
    tag: 'NLU',
    role: 'viewer',
    response: ZTestChatAnswer,
    params: ZBotParams,
    body: z.object({
      threadId: z.string().min(1).max(200).optional(),
      text: z.string().min(1).max(5000),
      context: ZClientContext,
    }),
    errors: [404, 503],
    handler: async ({ params, body, principal }) => {
      const bot = await bots.get(params.botId);
      if (!bot) throw HttpProblem.notFound(`Bot "${params.botId}"`);
      if (!hasRole(principal, 'admin') && bot.intents.some((intent) => intent.toolCall)) {
        throw new HttpProblem({
          status: 403,
          code: 'FORBIDDEN',
          title: 'Forbidden',
          detail:
            'This bot makes tool calls, which test chat performs for real: that needs the admin role.',
        });
      }
      checkContextSize(body.context, contextMaxBytes);
      const given = body.threadId ?? randomUUID();
      const threadId = given.startsWith(TEST_THREAD_PREFIX) ? given : TEST_THREAD_PREFIX + given;
      const result = await dialogue.handleMessage({
        botId: params.botId,
        threadId,
        text: body.text,
        context: body.context,
        channel: TEST_CHANNEL,
        forcing: 'any',
      });
      if (!result.ok) throw dialogueProblem(result.error, params.botId);
      return result.reply;
    },
  });
}
