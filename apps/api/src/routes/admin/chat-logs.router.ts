import { z } from 'zod';
import { ZThreadPage, ZTurnView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZThreadQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  intent: z.string().max(64).optional(),
  channel: z.string().max(32).optional(),
  fellBack: z.enum(['true', 'false']).optional(),
  /** Only threads with a turn whose intent confidence was below this (e.g. the bot's threshold). */
  belowConfidence: z.coerce.number().min(0).max(1).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Chat logs: threads (cursor-paginated, filtered) and one thread's transcript with NLU details. */
export function addChatLogRoutes({
  router,
  registry,
  basePath,
  store,
  audit,
}: AdminContext<'bots' | 'conversations' | 'turns'>): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/threads',
    summary: 'List conversation threads, most recently active first',
    tag: 'Chat logs',
    role: 'viewer',
    response: ZThreadPage,
    params: ZBotParams,
    query: ZThreadQuery,
    errors: [400, 404],
    handler: async ({ params, query }) => {
      await requireBot(store, params.botId);
      return store.turns.listThreads(
        params.botId,
        {
          ...(query.from && { from: new Date(query.from) }),
          ...(query.to && { to: new Date(query.to) }),
          ...(query.intent && { intentId: query.intent }),
          ...(query.channel && { channel: query.channel }),
          fellBackOnly: query.fellBack === 'true',
          ...(query.belowConfidence !== undefined && { belowConfidence: query.belowConfidence }),
        },
        { cursor: query.cursor ?? null, limit: query.limit },
      );
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/threads/:threadId',
    summary: "A thread's transcript, with the NLU result of every turn",
    tag: 'Chat logs',
    role: 'viewer',
    response: z.object({ threadId: z.string(), turns: z.array(ZTurnView) }),
    params: ZBotParams.extend({ threadId: z.string().min(1).max(200) }),
    query: z.object({
      afterSeq: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
    errors: [404],
    handler: async ({ params, query }) => {
      const turns = await store.turns.listThread(params.botId, params.threadId, query);
      if (turns.length === 0 && query.afterSeq === 0)
        throw HttpProblem.notFound(`Thread "${params.threadId}"`);
      return { threadId: params.threadId, turns };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/bots/:botId/threads/:threadId',
    summary:
      'Delete a thread: its conversation state and its transcript (the next message starts afresh)',
    tag: 'Chat logs',
    role: 'admin',
    params: ZBotParams.extend({ threadId: z.string().min(1).max(200) }),
    status: 204,
    errors: [404],
    handler: async ({ params, principal }) => {
      await requireBot(store, params.botId);
      const [state, turns] = await Promise.all([
        store.conversations.delete(params.botId, params.threadId),
        store.turns.deleteThread(params.botId, params.threadId),
      ]);
      if (!state && turns === 0) throw HttpProblem.notFound(`Thread "${params.threadId}"`);
      await audit(
        principal,
        'thread.delete',
        `/bots/${params.botId}/threads/${params.threadId}`,
        params.botId,
        { turns },
      );
    },
  });
}
