import type { z } from 'zod';
import {
  checkIntent,
  ZEntityDefinition,
  ZIntentDefinition,
  type BotSettings,
  type EntityDefinition,
  type IntentDefinition,
} from '@parley/domain';
import type { ValidationIssue } from '../errors.js';
import { ZAcfBot, type AcfIntent } from './acf-format.js';
import { convertJinjaTemplate } from './jinja-to-handlebars.js';
import { ZParleyBotFile, PARLEY_FORMAT_VERSION } from './parley-format.js';

export type BotFileFormat = 'parley' | 'acf';

export interface ParsedBotFile {
  format: BotFileFormat;
  settings: BotSettings | null;
  intents: IntentDefinition[];
  entities: EntityDefinition[];
  /** Templates that could not be fully converted, each with its path. */
  warnings: ValidationIssue[];
}

export type ParseBotFileResult =
  { ok: true; file: ParsedBotFile } | { ok: false; issues: ValidationIssue[] };

/**
 * Reads an ai-chatbot-framework export or a Parley file, converts it, and checks it
 * whole: every problem is reported with its path, so nothing is written on error.
 */
export function parseBotFile(input: unknown): ParseBotFileResult {
  const isParley =
    typeof input === 'object' &&
    input !== null &&
    (input as { format?: unknown }).format === 'parley';
  if (isParley) {
    const parsed = ZParleyBotFile.safeParse(input);
    if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
    const { bot, intents, entities } = parsed.data;
    return checked({ format: 'parley', settings: bot ?? null, intents, entities, warnings: [] });
  }
  const parsed = ZAcfBot.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    if (typeof input === 'object' && input !== null && 'format' in input) {
      issues.unshift({
        path: 'format',
        message: `unknown format; expected "parley" (version ${PARLEY_FORMAT_VERSION}) or an ai-chatbot-framework export`,
      });
    }
    return { ok: false, issues };
  }
  const warnings: ValidationIssue[] = [];
  const intents = parsed.data.intents.map((intent, index) =>
    fromAcfIntent(intent, `intents[${index}]`, warnings),
  );
  const entities = parsed.data.entities.map((entity) => ({
    name: entity.name,
    values: entity.entity_values.map(({ value, synonyms }) => ({ value, synonyms })),
  }));
  return checkedRaw({ format: 'acf', settings: null, warnings }, intents, entities);
}

function fromAcfIntent(intent: AcfIntent, path: string, warnings: ValidationIssue[]): unknown {
  const response = convertJinjaTemplate(intent.speechResponse);
  for (const problem of response.problems)
    warnings.push({ path: `${path}.speechResponse`, message: problem });
  const api = intent.apiTrigger ? intent.apiDetails : null;
  let toolCall: unknown = null;
  if (api) {
    const url = convertJinjaTemplate(api.url);
    const body = convertJinjaTemplate(api.jsonData ?? '');
    for (const problem of url.problems)
      warnings.push({ path: `${path}.apiDetails.url`, message: problem });
    for (const problem of body.problems)
      warnings.push({ path: `${path}.apiDetails.jsonData`, message: problem });
    toolCall = {
      method: api.requestType.toUpperCase(),
      url: url.variants[0] ?? api.url,
      headers: api.headers.map(({ headerKey, headerValue }) => ({
        name: headerKey,
        value: convertJinjaTemplate(headerValue).variants[0] ?? headerValue,
      })),
      bodyType: api.isJson && body.variants[0] ? 'json' : 'none',
      body: api.isJson ? (body.variants[0] ?? '') : '',
    };
  }
  return {
    intentId: intent.intentId,
    name: intent.name,
    userDefined: intent.userDefined,
    responses: response.variants.filter((variant) => variant.length > 0),
    parameters: intent.parameters.map((parameter) => ({
      name: parameter.name,
      ...(parameter.type && parameter.type !== 'free_text' ? { entity: parameter.type } : {}),
      required: parameter.required,
      prompt: convertJinjaTemplate(parameter.prompt ?? '').variants[0] ?? '',
    })),
    toolCall,
    trainingData: intent.trainingData,
  };
}

function checkedRaw(
  base: Omit<ParsedBotFile, 'intents' | 'entities'>,
  rawIntents: unknown[],
  rawEntities: unknown[],
): ParseBotFileResult {
  const issues: ValidationIssue[] = [];
  const intents: IntentDefinition[] = [];
  rawIntents.forEach((raw, index) => {
    const parsed = ZIntentDefinition.safeParse(raw);
    if (parsed.success) intents.push(parsed.data);
    else issues.push(...zodIssues(parsed.error, `intents[${index}]`));
  });
  const entities: EntityDefinition[] = [];
  rawEntities.forEach((raw, index) => {
    const parsed = ZEntityDefinition.safeParse(raw);
    if (parsed.success) entities.push(parsed.data);
    else issues.push(...zodIssues(parsed.error, `entities[${index}]`));
  });
  if (issues.length > 0) return { ok: false, issues };
  return checked({ ...base, intents, entities });
}

/** Checks what a schema cannot: unique ids, spans that match their text, known entities. */
function checked(file: ParsedBotFile): ParseBotFileResult {
  const issues: ValidationIssue[] = [];
  const seenEntities = new Set<string>();
  file.entities.forEach((entity, index) => {
    if (seenEntities.has(entity.name))
      issues.push({
        path: `entities[${index}].name`,
        message: `entity "${entity.name}" is defined twice`,
      });
    seenEntities.add(entity.name);
  });
  const seenIntents = new Set<string>();
  const customEntities = file.entities.map((entity) => entity.name);
  file.intents.forEach((intent, i) => {
    const path = `intents[${i}]`;
    if (seenIntents.has(intent.intentId)) {
      issues.push({
        path: `${path}.intentId`,
        message: `intentId "${intent.intentId}" is used twice`,
      });
    }
    seenIntents.add(intent.intentId);
    issues.push(...checkIntent(intent, customEntities, path));
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, file };
}

export function zodIssues(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(prefix, issue.path),
    message: issue.message,
  }));
}

function formatPath(prefix: string, path: PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}
