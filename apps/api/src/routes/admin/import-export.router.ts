import { z } from 'zod';
import { exportBot, exportBotAsAcf, importBot } from '@parley/store';
import { ZImportReport } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import { checkIntentTemplates } from '../../services/check-templates.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

/** Import (ai-chatbot-framework or Parley JSON, all-or-nothing) and export. */
export function addImportExportRoutes(
  ctx: AdminContext<'bots' | 'entities' | 'intents'>,
  startTraining?: (botId: string) => Promise<string | null>,
): void {
  const { router, registry, basePath, store, audit } = ctx;

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/import',
    summary: "Replace a bot's intents and entities from ai-chatbot-framework or Parley JSON",
    tag: 'Import/export',
    role: 'admin',
    response: ZImportReport,
    params: ZBotParams,
    query: z.object({
      train: z.enum(['true', 'false']).default('false'),
      /** Needed when the file would leave the bot without any intent, or without its fallback. */
      allowRemovals: z.enum(['true', 'false']).default('false'),
    }),
    /** An ai-chatbot-framework export or a Parley file; its content is checked as a whole (422). */
    body: z.record(z.string(), z.unknown()),
    errors: [404, 422],
    handler: async ({ params, query, body, principal }) => {
      const bot = await requireBot(store, params.botId);
      const existing = query.allowRemovals === 'true' ? [] : await store.intents.list(params.botId);
      const result = await importBot(store, params.botId, body, {
        checkIntent: checkIntentTemplates,
        checkFile: (file) =>
          removalProblems(
            existing.map((i) => i.intentId),
            file.intents.map((i) => i.intentId),
            bot.settings.dialogue.fallbackIntentId,
          ),
      });
      if (!result.ok && result.reason === 'bot-not-found')
        throw HttpProblem.notFound(`Bot "${params.botId}"`);
      if (!result.ok && result.reason === 'invalid') {
        throw new HttpProblem({
          status: 422,
          code: 'IMPORT_INVALID',
          title: 'The file is not a valid bot',
          detail: `${result.issues.length} problem(s) found; nothing was imported.`,
          errors: result.issues,
        });
      }
      if (!result.ok) throw new Error('unreachable');
      await audit(principal, 'bot.import', `/bots/${params.botId}`, params.botId, {
        format: result.report.format,
        intents: result.report.intents,
        entities: result.report.entities,
      });
      const jobId =
        query.train === 'true' && startTraining ? await startTraining(params.botId) : null;
      return { ...result.report, trainingJobId: jobId };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/bots/:botId/export',
    summary: "Export a bot in Parley's format, or ai-chatbot-framework's with ?format=acf",
    tag: 'Import/export',
    role: 'viewer',
    response: z.record(z.string(), z.unknown()),
    params: ZBotParams,
    query: z.object({ format: z.enum(['parley', 'acf']).default('parley') }),
    errors: [404],
    handler: async ({ params, query, res }) => {
      await requireBot(store, params.botId);
      const file =
        query.format === 'acf'
          ? await exportBotAsAcf(store, params.botId)
          : await exportBot(store, params.botId);
      res.attachment(`${params.botId}.${query.format}.json`);
      return file;
    },
  });
}

/** What an import may not remove without `allowRemovals=true`: every intent, or the fallback. */
function removalProblems(before: string[], after: string[], fallbackIntentId: string) {
  if (before.length > 0 && after.length === 0)
    return [
      {
        path: 'intents',
        message:
          'the file has no intents: importing it would remove all of this bot’s intents (add ?allowRemovals=true to do that)',
      },
    ];
  if (before.includes(fallbackIntentId) && !after.includes(fallbackIntentId))
    return [
      {
        path: 'intents',
        message: `the file has no "${fallbackIntentId}" intent: importing it would remove the bot’s fallback answer (add ?allowRemovals=true to do that)`,
      },
    ];
  return [];
}
