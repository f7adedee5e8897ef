import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { DialogueManager, DialogueReply } from '@parley/dialogue';
import { DEFAULT_BOT_ID, type TurnRepository } from '@parley/store';
import { checkContextSize, ZClientContext } from '../../http/client-context.js';
import { defineRoute } from '../../http/define-route.js';
import { dialogueProblem } from '../../http/dialogue-problem.js';
import { HttpProblem } from '../../http/problem.js';
import type { RateLimiter } from '../../http/rate-limiter.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import {
  answerPreflight,
  checkChannelAccess,
  type ChannelAccess,
  type ChannelAccessDeps,
} from './channel-access.js';
import type { ThreadTokens } from './thread-token.js';

export interface ChatRouterDeps {
  dialogue: DialogueManager;
  integrations: ChannelAccessDeps['integrations'];
  apiKeys: ChannelAccessDeps['apiKeys'];
  turns: Pick<TurnRepository, 'listThread'>;
  threadTokens: ThreadTokens;
  registry: OpenApiRegistry;
  clientLimiter: RateLimiter;
  threadLimiter: RateLimiter;
  /** Largest context one message may carry, serialised. */
  contextMaxBytes: number;
  metrics?: Metrics;
}

/** Thread ids other channels own: a chat client may not write into them. */
const RESERVED_THREAD_PREFIX = /^(test|messenger):/;

const ZThreadId = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => !RESERVED_THREAD_PREFIX.test(id), 'test: and messenger: thread ids are reserved');
const ZText = z.string().min(1).max(5000);
const ZBotIdParams = z.object({ botId: z.string().min(1).max(100) });

const ZChatFields = z.object({
  /** Absent: a new thread (its id comes back in the reply). */
  threadId: ZThreadId.optional(),
  context: ZClientContext,
  /** The client's id for this message: sent again (a retry), it gets the first answer. */
  clientMessageId: z.string().min(1).max(100).optional(),
});

/** A message (`text`) or an event (`welcome`: the conversation opens, the welcome intent answers). */
const ZChatBody = z.union([
  ZChatFields.extend({ text: ZText }),
  ZChatFields.extend({ event: z.enum(['welcome']) }),
]);

/** ai-chatbot-framework's REST contract. */
const ZAcfChatBody = z.object({ thread_id: ZThreadId, text: ZText, context: ZClientContext });

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
  threadId: z.string(),
  /** For widget requests: send it back as `X-Parley-Thread-Token` to continue this thread. */
  threadToken: z.string().optional(),
  seq: z.number().int(),
  messages: z.array(ZMessage),
  intent: z.object({ name: z.string(), confidence: z.number() }).nullable(),
  entities: z.array(
    z.object({
      name: z.string(),
      value: z.unknown(),
      raw: z.string(),
      begin: z.number(),
      end: z.number(),
      extractor: z.string(),
      confidence: z.number(),
    }),
  ),
  complete: z.boolean(),
  missingParameters: z.array(z.string()),
});

interface ChatRequest {
  botId: string;
  threadId: string | undefined;
  text: string;
  event?: 'welcome';
  context: Record<string, unknown>;
  clientMessageId?: string;
}

/** The REST chat channel (also the widget's), and ai-chatbot-framework's route for the default bot. */
export function createChatRouter(deps: ChatRouterDeps): Router {
  const router = Router();

  /** Checks access, the thread token (widget) and limits, then runs the message. */
  async function chat(message: ChatRequest, req: Request, res: Response) {
    const access = await checkChannelAccess(deps, message.botId, req, res);
    const threadId = threadOf(deps, access, message, req);
    checkContextSize(message.context, deps.contextMaxBytes);
    limit(deps.clientLimiter, access.client, 'this client');
    limit(deps.threadLimiter, `${message.botId}:${threadId}`, 'this conversation');
    const result = await deps.dialogue.handleMessage({
      botId: message.botId,
      threadId,
      text: message.text,
      context: message.context,
      channel: access.channel,
      forcing: access.allowForcedIntents ? 'any' : 'offered',
      ...(message.event && { event: message.event }),
      ...(message.clientMessageId && { clientMessageId: message.clientMessageId }),
    });
    if (!result.ok) throw dialogueProblem(result.error, message.botId);
    deps.metrics?.messages.inc({ bot: message.botId, channel: access.channel });
    if (result.reply.fellBack)
      deps.metrics?.fallbacks.inc({ bot: message.botId, channel: access.channel });
    return { reply: result.reply, access };
  }

  for (const path of ['/api/v1/bots/:botId/chat', '/api/v1/bots/:botId/threads/:threadId/messages'])
    router.options(path, (req, res) => answerPreflight(deps, String(req.params.botId), req, res));

  defineRoute(router, deps.registry, '', {
    method: 'post',
    path: '/api/v1/bots/:botId/chat',
    summary: 'Send a message to a bot and get its replies',
    credentials:
      'the bot’s REST channel key or an admin API key (Authorization: Bearer), the widget’s public key (X-Parley-Key from an allowed Origin, with X-Parley-Thread-Token to continue a thread), or none when the REST channel allows anonymous chat',
    tag: 'Chat',
    role: 'public',
    params: ZBotIdParams,
    body: ZChatBody,
    response: ZChatResponse,
    errors: [401, 403, 404, 429, 503],
    handler: async ({ params, body, req, res }) => {
      const { reply, access } = await chat(
        {
          botId: params.botId,
          threadId: body.threadId,
          text: 'text' in body ? body.text : '',
          ...('event' in body && { event: body.event }),
          ...(body.clientMessageId && { clientMessageId: body.clientMessageId }),
          context: body.context,
        },
        req,
        res,
      );
      return {
        threadId: reply.threadId,
        ...(access.channel === 'widget' && {
          threadToken: deps.threadTokens.sign(params.botId, reply.threadId),
        }),
        seq: reply.seq,
        ...view(reply),
      };
    },
  });

  defineRoute(router, deps.registry, '', {
    method: 'get',
    path: '/api/v1/bots/:botId/threads/:threadId/messages',
    summary: 'A thread’s messages, to show a conversation again (widget after a reload)',
    credentials:
      'the widget’s public key with the thread’s X-Parley-Thread-Token, or the REST channel key or an admin API key',
    tag: 'Chat',
    role: 'public',
    params: ZBotIdParams.extend({ threadId: ZThreadId }),
    query: z.object({ afterSeq: z.coerce.number().int().min(0).default(0) }),
    response: z.object({
      threadId: z.string(),
      turns: z.array(
        z.object({
          seq: z.number().int(),
          at: z.string(),
          userText: z.string().nullable(),
          messages: z.array(ZMessage),
        }),
      ),
    }),
    errors: [401, 403, 404],
    handler: async ({ params, query, req, res }) => {
      const access = await checkChannelAccess(deps, params.botId, req, res);
      if (access.channel === 'widget') requireThreadToken(deps, params.botId, params.threadId, req);
      limit(deps.clientLimiter, access.client, 'this client');
      const turns = await deps.turns.listThread(params.botId, params.threadId, {
        afterSeq: query.afterSeq,
        limit: 200,
      });
      return {
        threadId: params.threadId,
        turns: turns.map((turn) => ({
          seq: turn.seq,
          at: turn.at.toISOString(),
          userText: turn.event ? null : turn.userText,
          messages: (turn.messages as z.infer<typeof ZMessage>[] | undefined) ?? [],
        })),
      };
    },
  });

  defineRoute(router, deps.registry, '', {
    method: 'post',
    path: '/api/bots/channels/rest/webbook',
    summary: "ai-chatbot-framework's REST contract for the default bot: `[{text}]`",
    credentials:
      'the REST channel key or an admin API key (Bearer), or none when anonymous chat is allowed',
    tag: 'Chat',
    role: 'public',
    body: ZAcfChatBody,
    response: z.array(z.object({ text: z.string() })),
    errors: [401, 404, 429, 503],
    handler: async ({ body, req, res }) => {
      const { reply } = await chat(
        { botId: DEFAULT_BOT_ID, threadId: body.thread_id, text: body.text, context: body.context },
        req,
        res,
      );
      return reply.messages.map((message) => ({ text: message.text }));
    },
  });

  return router;
}

/**
 * The thread a message goes to: a new one when none is given. A widget continues a thread only
 * with the token the server gave for it.
 */
function threadOf(
  deps: Pick<ChatRouterDeps, 'threadTokens'>,
  access: ChannelAccess,
  message: ChatRequest,
  req: Request,
): string {
  if (!message.threadId)
    return `${access.channel === 'widget' ? 'w' : 't'}_${randomBytes(12).toString('base64url')}`;
  if (access.channel === 'widget') requireThreadToken(deps, message.botId, message.threadId, req);
  return message.threadId;
}

function requireThreadToken(
  deps: Pick<ChatRouterDeps, 'threadTokens'>,
  botId: string,
  threadId: string,
  req: Request,
): void {
  if (deps.threadTokens.verify(botId, threadId, req.get('x-parley-thread-token'))) return;
  throw new HttpProblem({
    status: 403,
    code: 'THREAD_TOKEN_INVALID',
    title: 'Not your thread',
    detail:
      'Continue a thread with the X-Parley-Thread-Token the server gave for it, or start a new one.',
  });
}

function limit(limiter: RateLimiter, key: string, who: string): void {
  const wait = limiter.hit(key);
  if (wait === 0) return;
  throw new HttpProblem(
    {
      status: 429,
      code: 'RATE_LIMITED',
      title: 'Too many messages',
      detail: `Too many messages from ${who}; retry in ${wait} s.`,
    },
    { 'Retry-After': String(wait) },
  );
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
