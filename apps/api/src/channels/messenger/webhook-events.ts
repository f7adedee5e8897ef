import { createHash } from 'node:crypto';
import { z } from 'zod';

const ZId = z.object({ id: z.string().min(1).max(100) });

const ZMessagingEvent = z.object({
  sender: ZId,
  recipient: ZId,
  timestamp: z.number().int().nonnegative(),
  message: z
    .object({
      mid: z.string().min(1).max(500).optional(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      quick_reply: z.object({ payload: z.string() }).optional(),
      attachments: z.array(z.unknown()).optional(),
    })
    .optional(),
  postback: z
    .object({
      mid: z.string().min(1).max(500).optional(),
      title: z.string().optional(),
      payload: z.string().optional(),
    })
    .optional(),
  delivery: z.unknown().optional(),
  read: z.unknown().optional(),
});

/** Meta's webhook body for the `page` object (fields Parley does not use are dropped). */
export const ZWebhookBody = z.object({
  object: z.string(),
  entry: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        time: z.number().optional(),
        messaging: z.array(ZMessagingEvent).default([]),
      }),
    )
    .default([]),
});
export type WebhookBody = z.infer<typeof ZWebhookBody>;

/** Longest text handed to the dialogue (Messenger itself allows 2,000 characters). */
const MAX_TEXT = 5000;

export type IgnoredKind = 'echo' | 'delivery' | 'read' | 'unsupported';

/** One event of a webhook body, as the channel handles it. */
export type MessengerEvent =
  | {
      /** `text`: typed text; `payload`: a quick reply or a postback; `attachment`: anything else sent. */
      kind: 'text' | 'payload' | 'attachment';
      /** Messenger's `mid`, or an id derived from the postback when it has none. */
      eventId: string;
      pageId: string;
      senderId: string;
      timestamp: number;
      /** The text, or the payload; empty for an attachment. */
      text: string;
    }
  | { kind: IgnoredKind; pageId: string };

/** Every event of every entry, in the order Meta sent them. */
export function readEvents(body: WebhookBody): MessengerEvent[] {
  return body.entry.flatMap((entry) => entry.messaging.map((event) => readEvent(entry.id, event)));
}

function readEvent(pageId: string, event: z.infer<typeof ZMessagingEvent>): MessengerEvent {
  const base = { pageId, senderId: event.sender.id, timestamp: event.timestamp };
  const { message, postback } = event;
  if (message?.is_echo) return { kind: 'echo', pageId };
  if (message?.mid) {
    const payload = message.quick_reply?.payload;
    if (payload) return { ...base, kind: 'payload', eventId: message.mid, text: cap(payload) };
    if (message.text?.trim())
      return { ...base, kind: 'text', eventId: message.mid, text: cap(message.text) };
    return { ...base, kind: 'attachment', eventId: message.mid, text: '' };
  }
  if (postback?.payload) {
    // Older postbacks carry no mid: the same tap redelivered must still get one id.
    const eventId =
      postback.mid ??
      `postback:${createHash('sha256')
        .update(JSON.stringify([event.sender.id, event.timestamp, postback.payload]))
        .digest('hex')
        .slice(0, 32)}`;
    return { ...base, kind: 'payload', eventId, text: cap(postback.payload) };
  }
  if (event.delivery !== undefined) return { kind: 'delivery', pageId };
  if (event.read !== undefined) return { kind: 'read', pageId };
  return { kind: 'unsupported', pageId };
}

function cap(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
