import { z } from 'zod';
import { parseBotFile } from '@parley/store';
import { defineRoute } from '../../http/define-route.js';
import { requireBot, type AdminContext } from './admin-context.js';
import { ZBotParams } from './admin.schemas.js';

const ZChanges = z.object({
  created: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
  unchanged: z.number().int(),
});

const ZPreview = z.object({
  ok: z.boolean(),
  format: z.enum(['parley', 'acf']).nullable(),
  intents: ZChanges.nullable(),
  entities: ZChanges.nullable(),
  settingsChanged: z.boolean(),
  /** Why the file cannot be imported, each with its path in the file. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
  /** Imported, but worth a look (templates kept as written …). */
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});

/**
 * The dry run of an import: what would be created, changed and removed (an import replaces
 * the bot's intents and entities), and every problem with its path. Nothing is written.
 */
export function addImportPreviewRoutes({
  router,
  registry,
  basePath,
  store,
}: AdminContext<'bots' | 'entities' | 'intents'>): void {
  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/bots/:botId/import/preview',
    summary: 'Dry run of an import: what would change, and every problem of the file',
    tag: 'Import/export',
    role: 'viewer',
    params: ZBotParams,
    /** An ai-chatbot-framework export or a Parley file, as for the import itself. */
    body: z.record(z.string(), z.unknown()),
    response: ZPreview,
    errors: [404],
    handler: async ({ params, body }): Promise<z.infer<typeof ZPreview>> => {
      await requireBot(store, params.botId);
      const parsed = parseBotFile(body);
      if (!parsed.ok) {
        return {
          ok: false,
          format: null,
          intents: null,
          entities: null,
          settingsChanged: false,
          problems: parsed.issues,
          warnings: [],
        };
      }
      const [intents, entities] = await Promise.all([
        store.intents.list(params.botId),
        store.entities.list(params.botId),
      ]);
      const { file } = parsed;
      return {
        ok: true,
        format: file.format,
        intents: compare(intents, file.intents, (intent) => intent.intentId),
        entities: compare(entities, file.entities, (entity) => entity.name),
        settingsChanged: Boolean(file.settings),
        problems: [],
        warnings: file.warnings,
      };
    },
  });
}

function compare<T>(current: T[], next: T[], key: (value: T) => string): z.infer<typeof ZChanges> {
  const before = new Map(current.map((value) => [key(value), JSON.stringify(value)]));
  const after = new Set(next.map(key));
  const changes = { created: [] as string[], changed: [] as string[], unchanged: 0 };
  for (const value of next) {
    const old = before.get(key(value));
    if (old === undefined) changes.created.push(key(value));
    else if (old !== JSON.stringify(value)) changes.changed.push(key(value));
    else changes.unchanged++;
  }
  return { ...changes, removed: [...before.keys()].filter((name) => !after.has(name)) };
}
