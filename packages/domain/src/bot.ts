import { z } from 'zod';
import { ZLanguage } from './language.js';
import { BUILT_IN_TEXTS } from './bot-texts.js';

/** The IANA time zones this runtime knows, and `UTC`. */
export const TIME_ZONES: readonly string[] = [
  ...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]),
];

/** A time zone the runtime knows (IANA names such as `Europe/Paris`, and `UTC`). */
export const ZTimeZone = z.enum(TIME_ZONES as [string, ...string[]], {
  error: 'must be an IANA time zone such as Europe/Paris or UTC',
});

export const ZNluSettings = z.object({
  pipeline: z.enum(['local', 'llm', 'hybrid']).default('local'),
  /** Below this confidence the fallback intent answers. */
  threshold: z.number().min(0).max(1).default(0.6),
  /** When the top two intents are closer than this, the message is ambiguous (0 disables). */
  ambiguityMargin: z.number().min(0).max(1).default(0),
  ambiguity: z.enum(['fallback', 'clarify']).default('fallback'),
  /** Entities found with less confidence than this do not fill a parameter; the bot asks instead. */
  entityThreshold: z.number().min(0).max(1).default(0.5),
  llm: z
    .object({
      baseUrl: z.url().optional(),
      model: z.string().max(200).optional(),
      /** Write-only: stored, never returned or logged. */
      apiKey: z.string().max(2000).optional(),
      timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      /** The endpoint may be on loopback or a private network (a local Ollama); refused unless true. */
      allowPrivateNetworks: z.boolean().default(false),
    })
    .default({ timeoutMs: 10_000, allowPrivateNetworks: false }),
});
export type NluSettings = z.infer<typeof ZNluSettings>;

export const ZDialogueSettings = z.object({
  fallbackIntentId: z.string().default('fallback'),
  cancelIntentId: z.string().default('cancel'),
  welcomeIntentId: z.string().default('init_conversation'),
  /** A conversation idle longer than this starts fresh. */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(30),
  keepContextOnExpiry: z.boolean().default(true),
  /** Said when a parameter was asked `maxTries` times without an answer. */
  giveUpText: z.string().max(2000).default(BUILT_IN_TEXTS.en.giveUpText),
  /** Said when a tool call or template fails and the intent has no error text. */
  errorText: z.string().max(2000).default(BUILT_IN_TEXTS.en.errorText),
  /** Said when no intent is understood and the fallback intent has no responses (or none exists). */
  fallbackText: z.string().max(2000).default(BUILT_IN_TEXTS.en.fallbackText),
  /** Said on cancel when the cancel intent has no responses (or none exists). */
  cancelText: z.string().max(2000).default(BUILT_IN_TEXTS.en.cancelText),
  /** Asks for a parameter that has no prompt of its own; a template, `{{parameter}}` is its name. */
  promptText: z.string().max(2000).default(BUILT_IN_TEXTS.en.promptText),
  /**
   * Asks which of two close intents was meant (`nlu.ambiguity: clarify`), with both as quick
   * replies; a template, `{{first}}` and `{{second}}` are the intents' names.
   */
  clarifyText: z.string().max(2000).default(BUILT_IN_TEXTS.en.clarifyText),
});
export type DialogueSettings = z.infer<typeof ZDialogueSettings>;

export const ZToolCallSettings = z.object({
  /** Tool calls to loopback, private, link-local and metadata addresses are refused unless true. */
  allowPrivateNetworks: z.boolean().default(false),
});

export const ZBotSettings = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  /** An IETF tag (`de`, `zh-CN`): the model's language; changing it needs a new model. */
  language: ZLanguage.default('en'),
  /** An IANA time zone (`Europe/Paris`): dates and times are read and written in it. */
  timeZone: ZTimeZone.default('UTC'),
  nlu: ZNluSettings.default(ZNluSettings.parse({})),
  dialogue: ZDialogueSettings.default(ZDialogueSettings.parse({})),
  toolCalls: ZToolCallSettings.default({ allowPrivateNetworks: false }),
});
export type BotSettings = z.infer<typeof ZBotSettings>;
export type BotSettingsInput = z.input<typeof ZBotSettings>;

/**
 * Stored settings read with today's schema: a value that is no longer valid (a time zone the
 * runtime does not know, a setting an older release accepted) is replaced by its default and
 * named in `problems`, so one bad setting never takes a bot down.
 */
export function readBotSettings(stored: unknown): { settings: BotSettings; problems: string[] } {
  const problems: string[] = [];
  let candidate: unknown = structuredClone(stored ?? {});
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const parsed = ZBotSettings.safeParse(candidate);
    if (parsed.success) return { settings: parsed.data, problems };
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
      candidate = without(candidate, issue.path);
    }
  }
  return { settings: ZBotSettings.parse({ name: 'Unnamed bot' }), problems };
}

/** A copy without the value at `path` (a missing name becomes a placeholder). */
function without(value: unknown, path: PropertyKey[]): unknown {
  if (path.length === 0) return {};
  const [head, ...rest] = path;
  if (typeof value !== 'object' || value === null) return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  if (rest.length === 0) {
    if (head === 'name') copy.name = 'Unnamed bot';
    else delete copy[head as string];
  } else copy[head as string] = without(copy[head as string], rest);
  return copy;
}
