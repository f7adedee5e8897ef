import type { BotMessage } from '@parley/dialogue';
import { splitMessage } from './split-message.js';

/** Messenger's limits on what one message may carry. */
export const LIMITS = {
  quickReplies: 13,
  quickReplyTitle: 20,
  payload: 1000,
  buttons: 3,
  buttonTitle: 20,
  buttonText: 640,
} as const;

interface QuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}

type TemplateButton =
  | { type: 'postback'; title: string; payload: string }
  | { type: 'web_url'; title: string; url: string };

/** The `message` object of one Send API request. */
export type OutgoingMessage = (
  | { text: string }
  | {
      attachment: {
        type: 'template';
        payload: { template_type: 'button'; text: string; buttons: TemplateButton[] };
      };
    }
) & { quick_replies?: QuickReply[] };

export interface OutgoingMessages {
  messages: OutgoingMessage[];
  /** What had to be cut to fit Messenger's limits, for the log. */
  warnings: string[];
}

/**
 * Turns a bot reply into Send API messages, in order: one or more per reply message (a
 * text over 2,000 characters is split at word boundaries), quick replies on the last part
 * of their message, buttons as a button template (its text at most 640 characters).
 */
export function toOutgoingMessages(replies: BotMessage[]): OutgoingMessages {
  const warnings: string[] = [];
  const messages = replies.flatMap((reply) => toParts(reply, warnings));
  return { messages, warnings };
}

function toParts(reply: BotMessage, warnings: string[]): OutgoingMessage[] {
  const buttons = (reply.buttons ?? []).length > 0 ? mapButtons(reply, warnings) : [];
  const quickReplies =
    (reply.quickReplies ?? []).length > 0 ? mapQuickReplies(reply, warnings) : [];
  const texts = splitMessage(reply.text);
  if (texts.length === 0) {
    // Messenger needs a text to show buttons or quick replies under.
    if (buttons.length > 0 || quickReplies.length > 0)
      warnings.push('a message with buttons or quick replies but no text was not sent');
    return [];
  }

  const parts: OutgoingMessage[] = [];
  if (buttons.length > 0) {
    // The template's text is shorter: the last text part is split again to fit it.
    const last = splitMessage(texts.pop()!, LIMITS.buttonText);
    const templateText = last.pop()!;
    for (const text of [...texts, ...last]) parts.push({ text });
    parts.push({
      attachment: {
        type: 'template',
        payload: { template_type: 'button', text: templateText, buttons },
      },
    });
  } else {
    for (const text of texts) parts.push({ text });
  }
  if (quickReplies.length > 0) parts[parts.length - 1]!.quick_replies = quickReplies;
  return parts;
}

function mapQuickReplies(reply: BotMessage, warnings: string[]): QuickReply[] {
  const given = reply.quickReplies ?? [];
  if (given.length > LIMITS.quickReplies)
    warnings.push(
      `only the first ${LIMITS.quickReplies} of ${given.length} quick replies were sent`,
    );
  return given.slice(0, LIMITS.quickReplies).map((quickReply) => ({
    content_type: 'text',
    title: fit(quickReply.title, LIMITS.quickReplyTitle, 'quick reply title', warnings),
    // A tap without a payload should read as if the title was typed.
    payload: fit(quickReply.payload || quickReply.title, LIMITS.payload, 'payload', warnings),
  }));
}

function mapButtons(reply: BotMessage, warnings: string[]): TemplateButton[] {
  const given = reply.buttons ?? [];
  if (given.length > LIMITS.buttons)
    warnings.push(`only the first ${LIMITS.buttons} of ${given.length} buttons were sent`);
  return given.slice(0, LIMITS.buttons).map((button): TemplateButton => {
    const title = fit(button.title, LIMITS.buttonTitle, 'button title', warnings);
    if (button.url && !button.payload) return { type: 'web_url', title, url: button.url };
    return {
      type: 'postback',
      title,
      payload: fit(button.payload || button.title, LIMITS.payload, 'payload', warnings),
    };
  });
}

function fit(text: string, limit: number, what: string, warnings: string[]): string {
  if (text.length <= limit) return text;
  warnings.push(`${what} "${text}" was cut to ${limit} characters`);
  const cut = text.slice(0, limit - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
