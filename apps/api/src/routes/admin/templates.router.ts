import { z } from 'zod';
import { checkTemplate, createTemplateRenderer, splitMessages } from '@parley/dialogue';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZPreviewBody = z.object({
  template: z.string().max(20_000),
  parameters: z.record(z.string(), z.unknown()).default({}),
  context: z.record(z.string(), z.unknown()).default({}),
  /** A sample of the tool call's answer, for `{{result.…}}`. */
  result: z.unknown().optional(),
});

const ZProblem = z.object({
  message: z.string(),
  line: z.number().nullable(),
  column: z.number().nullable(),
});

export const ZTemplatePreview = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), messages: z.array(z.string()) }),
  z.object({ ok: z.literal(false), error: ZProblem }),
]);

/**
 * Renders a response template with sample values through the dialogue's own renderer (the
 * one chat uses), so the admin previews exactly what a user would read, or sees the error
 * with its line before saving.
 */
export function addTemplateRoutes({
  router,
  registry,
  basePath,
  store,
}: AdminContext<'bots'>): void {
  // One renderer for previews: the random helper picks like chat does.
  const renderer = createTemplateRenderer();
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/templates/preview',
    summary: 'Render a response template with sample values, or say where it is wrong',
    tag: 'Intents',
    role: 'viewer',
    params: ZBotParams,
    body: ZPreviewBody,
    response: ZTemplatePreview,
    errors: [404],
    handler: async ({ params, body }): Promise<z.infer<typeof ZTemplatePreview>> => {
      const bot = await requireBot(store, params.botId);
      const problem = checkTemplate(body.template);
      if (problem) return { ok: false, error: locate(problem) };
      try {
        const text = renderer.render(
          body.template,
          { parameters: body.parameters, context: body.context, result: body.result ?? {} },
          { language: bot.settings.language, timeZone: bot.settings.timeZone },
        );
        return { ok: true, messages: splitMessages(text) };
      } catch (error) {
        return { ok: false, error: locate((error as Error).message) };
      }
    },
  });
}

/**
 * Where the renderer's own checker says a template is wrong: Handlebars names the line as
 * "Parse error on line 2:" (then the line and a caret under the column) or ends with " - 2:3".
 */
export function locate(message: string): z.infer<typeof ZProblem> {
  const parse = /Parse error on line (\d+):\s*(.*?)\s+(-*)\^/s.exec(message);
  if (parse) return { message, line: Number(parse[1]), column: parse[3]!.length + 1 };
  const suffix = / - (\d+):(\d+)$/.exec(message);
  if (suffix) return { message, line: Number(suffix[1]), column: Number(suffix[2]) + 1 };
  return { message, line: null, column: null };
}
