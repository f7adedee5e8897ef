import type { ToolCall } from '@parley/domain';
import type { JsonValue } from '@parley/nlu';
import {
  TemplateRenderError,
  type RenderLocale,
  type TemplateRenderer,
} from '../templates/template-renderer.js';
import { literalOrigin } from '../templates/url-insertions.js';
import type { ToolRequest } from './http-tool-caller.js';

/** Secret values shorter than this are not redacted: they would blank out ordinary text. */
const MIN_REDACTED_LENGTH = 4;

export interface ToolTemplateVariables {
  context: Record<string, unknown>;
  parameters: Record<string, JsonValue>;
  /** Bot secrets: visible to tool-call templates only, never to response templates. */
  secrets: Record<string, string>;
}

/**
 * Renders an intent's tool call into a request: the URL and header values as text, a
 * `json` body with JSON-escaped values (then parsed, so a broken body fails here and not at
 * the remote end), a `form` body pair by pair. Throws `TemplateRenderError`.
 */
export function renderToolRequest(
  toolCall: ToolCall,
  variables: ToolTemplateVariables,
  renderer: TemplateRenderer,
  locale: RenderLocale,
  allowPrivateNetworks: boolean,
): ToolRequest {
  const text = (template: string) => renderer.render(template, variables, locale);
  const headers: Record<string, string> = {};
  for (const header of toolCall.headers) {
    const value = text(header.value);
    if (/[\r\n]/.test(value))
      throw new TemplateRenderError(`header ${header.name} contains a line break`);
    headers[header.name] = value;
  }
  return {
    method: toolCall.method,
    url: renderUrl(toolCall.url, variables, renderer, locale),
    headers,
    body: renderBody(toolCall, variables, renderer, locale),
    timeoutMs: toolCall.timeoutMs,
    allowPrivateNetworks,
  };
}

/**
 * The tool-call URL: values percent-encoded for their position, and its origin the one the
 * template writes out — so no value can send the request (with the bot's secret headers)
 * elsewhere, climb the path or add query parameters.
 */
function renderUrl(
  template: string,
  variables: ToolTemplateVariables,
  renderer: TemplateRenderer,
  locale: RenderLocale,
): string {
  const origin = literalOrigin(template);
  if (!origin) throw new TemplateRenderError(URL_ORIGIN_RULE);
  const url = renderer.render(template, variables, locale, 'url').trim();
  let rendered: string;
  try {
    rendered = new URL(url).origin;
  } catch {
    throw new TemplateRenderError('the rendered URL is not a valid URL');
  }
  if (rendered !== origin)
    throw new TemplateRenderError(`the rendered URL leaves ${origin} (for ${rendered})`);
  return url;
}

/** The rule `checkToolCallUrl` and rendering share. */
export const URL_ORIGIN_RULE =
  'the URL must start with its origin written out (https://host[:port]); values may follow it';

/** The problem with a tool-call URL template, if any (checked where intents are saved). */
export function checkToolCallUrl(template: string): string | null {
  return literalOrigin(template) ? null : URL_ORIGIN_RULE;
}

function renderBody(
  toolCall: ToolCall,
  variables: ToolTemplateVariables,
  renderer: TemplateRenderer,
  locale: RenderLocale,
): ToolRequest['body'] {
  if (toolCall.bodyType === 'none' || toolCall.method === 'GET') return null;
  if (toolCall.bodyType === 'form') {
    const pairs = toolCall.body.split('&').filter((pair) => pair.trim() !== '');
    return {
      type: 'form',
      value: pairs.map((pair) => {
        const at = pair.indexOf('=');
        const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
        return [
          renderer.render(key.trim(), variables, locale),
          renderer.render(value, variables, locale),
        ];
      }),
    };
  }
  const rendered = renderer.render(toolCall.body, variables, locale, 'json');
  if (rendered.trim() === '') return null;
  try {
    return { type: 'json', value: JSON.parse(rendered) as JsonValue };
  } catch (error) {
    throw new TemplateRenderError(
      `the JSON body is not valid JSON once rendered: ${(error as Error).message}`,
    );
  }
}

/** Replaces secret values in text meant for the turn log. */
export function redactSecrets(text: string, secrets: Record<string, string>): string {
  let result = text;
  for (const secret of Object.values(secrets)) {
    if (secret.length < MIN_REDACTED_LENGTH) continue;
    result = result
      .replaceAll(secret, '[secret]')
      .replaceAll(encodeURIComponent(secret), '[secret]');
  }
  return result;
}
