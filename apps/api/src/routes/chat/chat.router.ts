import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { DialogueManager, DialogueReply } from '@parley/dialogue';
import { DEFAULT_BOT_ID, type ApiKeyRepository, type IntegrationRepository } from '@parley/store';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import type { RateLimiter } from '../../http/rate-limiter.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import { answerPreflight, checkChannelAccess } from './channel-access.js';

export interface ChatRouterDeps {
  dialogue: DialogueManager;
  integrations: IntegrationRepository;
  apiKeys: ApiKeyRepository;
  registry: OpenApiRegistry;
  clientLimiter: RateLimiter;
  threadLimiter: RateLimiter;
  metrics?: Metrics;
}

const ZThreadId = z.string().min(1).max(200);
const ZContext = z.record(z.string().max(200), z.unknown()).default({});

const ZChatBody = z.object({
  threadId: ZThreadId,
  text: z.string().min(1).max(5000),
  context: ZContext,
});

/** ai-chatbot-framework's REST contract. */
const ZAcfChatBody = z.object({
  thread_id: ZThreadId,
  text: z.string().min(1).max(5000),
  context: ZContext,
});

const ZMessage = z.object({
  text: z.string(),
  quickReplies: z.array(z.object({ title: z.string(), payload: z.string().optional() })).optional(),
  buttons: z
    .array(
      z.object({ title: z.string(), payload: z.string().optional(), url: z.string().optional() }),
    )
    .optional(),
});

const ZChatResponse = z.object({
  messages: z.array(ZMessage),
  intent: z.object({ name: z.string(), confidence: z.number() }).nullable(),
  entities: z.array(
    z.object({
      name: z.string(),
      value: z.unknown(),
      raw: z.string(),
      begin: z.number(),
      end: z.number(),
    }),
  ),
  complete: z.boolean(),
  missingParameters: z.array(z.string()),
});

/** The REST chat channel, and ai-chatbot-framework's compatible route for the default bot. */
export function createChatRouter(deps: ChatRouterDeps): Router {
  const router = Router();

  async function chat(
    botId: string,
    threadId: string,
    text: string,
    context: Record<string, unknown>,
    req: Request,
    res: Response,
    channel: string,
  ) {
    const client = await checkChannelAccess(deps, botId, req, res);
    limit(deps.clientLimiter, client, res, 'this client');
    limit(deps.threadLimiter, `${botId}:${threadId}`, res, 'this conversation');
    const result = await deps.dialogue.handleMessage({ botId, threadId, text, context, channel });
    if (!result.ok && result.error.code === 'BOT_NOT_FOUND')
      throw HttpProblem.notFound(`Bot "${botId}"`);
    if (!result.ok) {
      res.setHeader('Retry-After', '1');
      throw new HttpProblem({
        status: 503,
        code: result.error.code,
        title: 'Conversation busy',
        detail: 'Too many messages at once on this thread; try again.',
      });
    }
    deps.metrics?.messages.inc({ bot: botId, channel });
    if (result.reply.fellBack) deps.metrics?.fallbacks.inc({ bot: botId, channel });
    return result.reply;
  }

  router.options('/api/v1/bots/:botId/chat', (req, res) =>
    answerPreflight(deps, String(req.params.botId), req, res),
  );

  defineRoute(router, deps.registry, '', {
    method: 'post',
    path: '/api/v1/bots/:botId/chat',
    summary: 'Send a message to a bot and get its replies',
    tag: 'Chat',
    role: 'public',
    params: z.object({ botId: z.string().min(1).max(100) }),
    body: ZChatBody,
    response: ZChatResponse,
    errors: [401, 403, 404, 429, 503],
    handler: async ({ params, body, req, res }) =>
      view(await chat(params.botId, body.threadId, body.text, body.context, req, res, 'rest')),
  });

  defineRoute(router, deps.registry, '', {
    method: 'post',
    path: '/api/bots/channels/rest/webbook',
    summary: "ai-chatbot-framework's REST contract for the default bot: `[{text}]`",
    tag: 'Chat',
    role: 'public',
    body: ZAcfChatBody,
    response: z.array(z.object({ text: z.string() })),
    errors: [401, 429, 503],
    handler: async ({ body, req, res }) => {
      const reply = await chat(
        DEFAULT_BOT_ID,
        body.thread_id,
        body.text,
        body.context,
        req,
        res,
        'rest',
      );
      return reply.messages.map((message) => ({ text: message.text }));
    },
  });

  return router;
}

function limit(limiter: RateLimiter, key: string, res: Response, who: string): void {
  const wait = limiter.hit(key);
  if (wait === 0) return;
  res.setHeader('Retry-After', String(wait));
  throw new HttpProblem({
    status: 429,
    code: 'RATE_LIMITED',
    title: 'Too many messages',
    detail: `Too many messages from ${who}; retry in ${wait} s.`,
  });
}

function view(reply: DialogueReply) {
  return {
    messages: reply.messages,
    intent: reply.intent,
    entities: reply.entities,
    complete: reply.complete,
    missingParameters: reply.missingParameters,
  };
}
