import type { JsonValue } from '@parley/nlu';

/** `/intent_id` or `/intent_id{"param": "value"}`, as Rasa and ai-chatbot-framework buttons send. */
const FORCED_INTENT = /^\/([A-Za-z_][A-Za-z0-9_-]*)\s*(\{[\s\S]*\})?$/;

export interface ForcedIntent {
  intentId: string;
  parameters: Record<string, JsonValue>;
  /** Set when the JSON part was present but unreadable; the intent is still forced. */
  error?: string;
}

/**
 * Reads a forced intent from a message. Returns null for ordinary text. Invalid JSON
 * does not stop the intent from being forced: the parameters are dropped and the
 * problem is reported, so a broken button still lands on its intent.
 */
export function parseForcedIntent(text: string): ForcedIntent | null {
  const match = FORCED_INTENT.exec(text.trim());
  if (!match) return null;
  const intentId = match[1] as string;
  const json = match[2];
  if (json === undefined) return { intentId, parameters: {} };
  try {
    const value: unknown = JSON.parse(json);
    if (!isPlainObject(value))
      return { intentId, parameters: {}, error: 'parameters must be a JSON object' };
    return { intentId, parameters: value as Record<string, JsonValue> };
  } catch (error) {
    return {
      intentId,
      parameters: {},
      error: `invalid parameters JSON: ${(error as Error).message}`,
    };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether an end user's forced intent is allowed: under `offered`, only an exact payload the
 * bot offered in this thread, or the welcome intent with no parameters (what every chat widget
 * sends when it opens).
 */
export function mayForce(
  text: string,
  forced: ForcedIntent,
  policy: 'any' | 'offered',
  offered: readonly string[],
  welcomeIntentId: string,
): boolean {
  if (policy === 'any') return true;
  if (offered.includes(text.trim())) return true;
  return forced.intentId === welcomeIntentId && Object.keys(forced.parameters).length === 0;
}

/** The forced-intent payloads among a reply's quick replies and buttons. */
export function offeredPayloads(
  messages: ReadonlyArray<{
    quickReplies?: Array<{ payload?: string }>;
    buttons?: Array<{ payload?: string }>;
  }>,
): string[] {
  const payloads: string[] = [];
  for (const message of messages)
    for (const choice of [...(message.quickReplies ?? []), ...(message.buttons ?? [])]) {
      const payload = choice.payload?.trim();
      if (payload && parseForcedIntent(payload)) payloads.push(payload);
    }
  return payloads;
}
