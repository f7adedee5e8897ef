import { signBody } from '../channels/messenger/signature.js';

export const PAGE_ID = '1000000000042';

/** One messaging event of a webhook delivery, as a test describes it. */
export interface TestEvent {
  sender: string;
  timestamp?: number;
  mid?: string;
  text?: string;
  quickReply?: string;
  postback?: string;
  attachment?: boolean;
  echo?: boolean;
  delivery?: boolean;
  read?: boolean;
}

let counter = 0;

/** A `messaging` entry as Meta sends it. */
export function messagingEvent(event: TestEvent): Record<string, unknown> {
  counter += 1;
  const timestamp = event.timestamp ?? Date.now() + counter;
  const mid = event.mid ?? `m_test_${counter}_${Math.random().toString(36).slice(2)}`;
  const user = { id: event.sender };
  const page = { id: PAGE_ID };
  if (event.echo)
    return {
      sender: page,
      recipient: user,
      timestamp,
      message: { mid, text: event.text ?? 'echo', is_echo: true, app_id: 1 },
    };
  if (event.delivery)
    return {
      sender: user,
      recipient: page,
      timestamp,
      delivery: { mids: [mid], watermark: timestamp },
    };
  if (event.read)
    return { sender: user, recipient: page, timestamp, read: { watermark: timestamp } };
  if (event.postback)
    return {
      sender: user,
      recipient: page,
      timestamp,
      postback: { mid, title: 'Tap', payload: event.postback },
    };
  if (event.attachment)
    return {
      sender: user,
      recipient: page,
      timestamp,
      message: {
        mid,
        attachments: [{ type: 'image', payload: { url: 'https://example.com/a.png' } }],
      },
    };
  return {
    sender: user,
    recipient: page,
    timestamp,
    message: {
      mid,
      text: event.text ?? '',
      ...(event.quickReply ? { quick_reply: { payload: event.quickReply } } : {}),
    },
  };
}

/** A delivery body: one entry per list of events. */
export function webhookBody(...entries: TestEvent[][]): Record<string, unknown> {
  return {
    object: 'page',
    entry: entries.map((events) => ({
      id: PAGE_ID,
      time: Date.now(),
      messaging: events.map(messagingEvent),
    })),
  };
}

/** POSTs a delivery signed with `appSecret` (or with the given header, or none). */
export function postWebhook(
  baseUrl: string,
  botId: string,
  body: Record<string, unknown> | string,
  signing: { appSecret: string } | { signature: string | null },
): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = 'appSecret' in signing ? signBody(raw, signing.appSecret) : signing.signature;
  return fetch(`${baseUrl}/api/v1/channels/messenger/${botId}/webhook`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(signature === null ? {} : { 'X-Hub-Signature-256': signature }),
    },
    body: raw,
  });
}
