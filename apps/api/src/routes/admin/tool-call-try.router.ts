import { z } from 'zod';
import { ZToolCall } from '@parley/domain';
import {
  createHttpToolCaller,
  createTemplateRenderer,
  redactSecrets,
  renderToolRequest,
  type ToolCaller,
} from '@parley/dialogue';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const MAX_SHOWN_BODY = 20_000;

const ZTryResult = z.object({
  request: z
    .object({
      method: z.string(),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string().nullable(),
    })
    .nullable(),
  response: z
    .object({
      status: z.number().nullable(),
      ok: z.boolean(),
      durationMs: z.number(),
      body: z.string().optional(),
      error: z.string().optional(),
      code: z.string().optional(),
    })
    .nullable(),
  /** Why no request was sent (a template that does not render). */
  error: z.string().optional(),
});

/**
 * "Try this call": renders an intent's tool call with sample parameters and performs it
 * the way chat would — the same renderer, the bot's secrets, its private-network setting
 * and the guarded HTTP caller — and shows both sides with secret values redacted.
 */
export function addToolCallTryRoutes(
  { router, registry, basePath, store, audit }: AdminContext<'bots'>,
  { toolCaller = createHttpToolCaller() }: { toolCaller?: ToolCaller } = {},
): void {
  const renderer = createTemplateRenderer();
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/tool-calls/try',
    summary: 'Perform a tool call with sample parameters and show the request and the response',
    tag: 'Intents',
    role: 'admin',
    params: ZBotParams,
    body: z.object({
      toolCall: ZToolCall,
      parameters: z.record(z.string(), z.string().max(2000)).default({}),
      context: z.record(z.string(), z.unknown()).default({}),
    }),
    response: ZTryResult,
    errors: [404],
    handler: async ({ params, body, principal }): Promise<z.infer<typeof ZTryResult>> => {
      const bot = await requireBot(store, params.botId);
      const secrets = await store.bots.getSecrets(bot.id);
      const hide = (text: string) => redactSecrets(text, secrets);
      let request;
      try {
        request = renderToolRequest(
          body.toolCall,
          { context: body.context, parameters: body.parameters, secrets },
          renderer,
          { language: bot.settings.language, timeZone: bot.settings.timeZone },
          bot.settings.toolCalls.allowPrivateNetworks,
        );
      } catch (error) {
        return { request: null, response: null, error: hide((error as Error).message) };
      }
      await audit(principal, 'toolCall.try', `/bots/${bot.id}/tool-calls`, bot.id, {
        method: request.method,
      });
      const response = await toolCaller.call(request);
      const shownBody =
        request.body === null
          ? null
          : request.body.type === 'json'
            ? JSON.stringify(request.body.value, null, 2)
            : new URLSearchParams(request.body.value).toString();
      return {
        request: {
          method: request.method,
          url: hide(request.url),
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([name, value]) => [name, hide(value)]),
          ),
          body: shownBody === null ? null : hide(shownBody),
        },
        response: response.ok
          ? {
              status: response.status,
              ok: true,
              durationMs: response.durationMs,
              body: hide(JSON.stringify(response.data, null, 2)).slice(0, MAX_SHOWN_BODY),
            }
          : {
              status: response.status,
              ok: false,
              durationMs: response.durationMs,
              error: hide(response.message),
              code: response.code,
            },
      };
    },
  });
}
