import { z } from 'zod';

/** `scheme://host[:port]`, as browsers send it in `Origin`. */
export const ZOrigin = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://shop.example (scheme, host and port only)');

const allowForcedIntents = z
  .boolean()
  .default(false)
  .describe(
    'Let end users force any intent with /intent_id{…}; when false only payloads the bot offered are accepted',
  );

/** The REST channel: server-to-server chat with the channel key. */
export const ZRestSettings = z.strictObject({
  /** Chat without any key (old ai-chatbot-framework clients). */
  allowAnonymous: z.boolean().default(false),
  allowForcedIntents,
});
export type RestSettings = z.infer<typeof ZRestSettings>;

/** Languages the widget's built-in strings ship in (apps/widget/src/strings.ts). */
export const WIDGET_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;

/** The web chat widget: browsers on allowed origins with the public key. */
export const ZWidgetSettings = z.strictObject({
  /** Made by the API on the first save and kept; not settable. */
  publicKey: z.string().max(100).optional(),
  allowedOrigins: z.array(ZOrigin).max(100).default([]),
  allowForcedIntents,
  /** Panel title; the widget's own word for "Chat" in its language when absent. */
  title: z.string().trim().min(1).max(100).optional(),
  /** A line under the title. */
  greeting: z.string().trim().min(1).max(500).optional(),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1f6feb')
    .default('#1f6feb'),
  position: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
  /** Language of the widget's own strings (buttons, labels, status); bot texts are the bot's. */
  language: z.enum(WIDGET_LANGUAGES).default('en'),
});
export type WidgetSettings = z.infer<typeof ZWidgetSettings>;

/** Facebook Messenger: a Page connected through Meta's webhooks. */
export const ZMessengerSettings = z.strictObject({
  pageId: z
    .string()
    .regex(/^\d{1,30}$/, 'must be the numeric Page id')
    .optional(),
  allowForcedIntents,
  /** Said when someone sends an attachment (image, audio, sticker …). */
  attachmentReply: z.string().min(1).max(2000).default('Sorry, I can only read text messages.'),
});
export type MessengerSettings = z.infer<typeof ZMessengerSettings>;

export const CHANNEL_SETTINGS = {
  rest: ZRestSettings,
  widget: ZWidgetSettings,
  messenger: ZMessengerSettings,
} as const;
export type ChannelName = keyof typeof CHANNEL_SETTINGS;
export const CHANNEL_NAMES = Object.keys(CHANNEL_SETTINGS) as ChannelName[];

/**
 * A channel's stored settings read with its schema: unknown keys dropped, defaults filled. Settings
 * stored before the schema existed and no longer valid read as the defaults (the channel stays
 * closed rather than guessing), keeping the widget's public key.
 */
export function readChannelSettings<C extends ChannelName>(
  channel: C,
  stored: Record<string, unknown> | undefined,
): z.infer<(typeof CHANNEL_SETTINGS)[C]> {
  const schema = CHANNEL_SETTINGS[channel] as z.ZodType;
  const known = Object.fromEntries(
    Object.entries(stored ?? {}).filter(
      ([key]) => key in (CHANNEL_SETTINGS[channel].shape as object),
    ),
  );
  const parsed = schema.safeParse(known);
  if (parsed.success) return parsed.data as z.infer<(typeof CHANNEL_SETTINGS)[C]>;
  const publicKey = typeof known.publicKey === 'string' ? { publicKey: known.publicKey } : {};
  return schema.parse(channel === 'widget' ? publicKey : {}) as z.infer<
    (typeof CHANNEL_SETTINGS)[C]
  >;
}
