import type { IntentDefinition } from '@parley/domain';
import type { Store } from '../store.js';
import type { ValidationIssue } from '../errors.js';
import { parseBotFile, type BotFileFormat } from './parse-bot-file.js';

export interface ImportReport {
  format: BotFileFormat;
  intents: number;
  entities: number;
  /** Templates kept as written because they could not be converted. */
  warnings: ValidationIssue[];
}

export type ImportResult =
  | { ok: true; report: ImportReport }
  | { ok: false; reason: 'bot-not-found' }
  | { ok: false; reason: 'invalid'; issues: ValidationIssue[] };

export interface ImportOptions {
  /**
   * What the runtime checks about an intent beyond its schema (templates, tool-call URLs),
   * so that import accepts exactly what the intents API accepts.
   */
  checkIntent?: (intent: IntentDefinition) => ValidationIssue[];
  /** What the caller refuses about the file as a whole (removing every intent, say). */
  checkFile?: (file: { intents: IntentDefinition[] }) => ValidationIssue[];
}

/**
 * Replaces a bot's intents and entities with those of an ai-chatbot-framework export or
 * a Parley file. The whole file is validated first; nothing is written when any of it is wrong.
 */
export async function importBot(
  store: Pick<Store, 'bots' | 'intents' | 'entities'>,
  botId: string,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const bot = await store.bots.get(botId);
  if (!bot) return { ok: false, reason: 'bot-not-found' };
  const parsed = parseBotFile(input);
  if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues };
  const issues = parsed.file.intents.flatMap((intent, i) =>
    (options.checkIntent?.(intent) ?? []).map((issue) => ({
      ...issue,
      path: `intents[${i}].${issue.path}`,
    })),
  );
  issues.push(...(options.checkFile?.(parsed.file) ?? []));
  if (issues.length > 0) return { ok: false, reason: 'invalid', issues };

  const { file } = parsed;
  await store.entities.replaceAll(botId, file.entities);
  await store.intents.replaceAll(botId, file.intents);
  if (file.settings)
    await store.bots.updateSettings(botId, { ...file.settings, name: bot.settings.name });
  return {
    ok: true,
    report: {
      format: file.format,
      intents: file.intents.length,
      entities: file.entities.length,
      warnings: file.warnings,
    },
  };
}
