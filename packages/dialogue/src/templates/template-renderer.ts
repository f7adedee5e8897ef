import Handlebars from 'handlebars';
import { ESCAPE_HELPER, routeInsertions } from './escape-mustaches.js';
import { registerHelpers } from './helpers.js';
import { jsonEscaped } from './json-escape.js';
import { UrlInsertions } from './url-insertions.js';

/** Compiled templates kept per renderer; the least recently used one goes first. */
const DEFAULT_CACHE_SIZE = 1000;

/** Locale data the formatting helpers read (a bot's language and time zone). */
export interface RenderLocale {
  language: string;
  timeZone: string;
}

/** A template failed to compile or render; the message is for the admin, not the person chatting. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
}

/**
 * `text`: strings and numbers are inserted as they are, objects and lists as JSON, null and
 * missing values as nothing. `json`: string values are JSON-escaped (without quotes), so
 * `{"name": "{{parameters.name}}"}` stays valid JSON whatever the value holds; `{{json x}}`
 * still prints `x` as JSON once. `url`: each `{{x}}` is percent-encoded for where it lands
 * (path segment, query or fragment value); a value in the scheme or host, or a path segment
 * of dots, is refused; `{{raw x}}` (or `{{{x}}}`) inserts a value unencoded.
 */
export type RenderMode = 'text' | 'json' | 'url';

export interface TemplateRenderer {
  /** Renders a Handlebars template; throws `TemplateRenderError`. */
  render(template: string, variables: object, locale: RenderLocale, mode?: RenderMode): string;
}

export interface TemplateRendererOptions {
  /** Source of randomness for the `random` helper; `Math.random` by default. */
  random?: () => number;
  cacheSize?: number;
}

/**
 * Creates a Handlebars renderer in its own environment (helpers registered here do not leak
 * into the global Handlebars). Output is not HTML-escaped: chat text is not HTML and each
 * channel escapes for its own medium. Prototype access stays disabled (Handlebars' default).
 * Templates are compiled once and cached by their text.
 *
 * @example
 * const renderer = createTemplateRenderer();
 * renderer.render('Hi {{default context.name "there"}}!', { context: {} }, { language: 'en', timeZone: 'UTC' });
 * // → 'Hi there!'
 */
export function createTemplateRenderer(options: TemplateRendererOptions = {}): TemplateRenderer {
  const env = Handlebars.create();
  registerHelpers(env, options.random ?? Math.random);
  env.registerHelper(ESCAPE_HELPER, (value: unknown, helper: Handlebars.HelperOptions) => {
    if (value instanceof env.SafeString) return value.toString();
    const text = insertedText(value);
    const insertions = helper.data?.urlInsertions as UrlInsertions | undefined;
    return insertions ? insertions.mark(text) : text;
  });
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  const cache = new Map<string, HandlebarsTemplateDelegate>();

  /** Compiled once per template and kind: JSON templates keep Handlebars' own insertions. */
  function compiled(template: string, json: boolean): HandlebarsTemplateDelegate {
    const key = `${json ? 'j' : 't'}:${template}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    // Parsing here surfaces syntax errors before anything is cached.
    const source = json ? spaceClosingBraces(template) : template;
    const ast = env.parse(source);
    const fn = env.compile(json ? source : routeInsertions(ast), { noEscape: true, strict: false });
    cache.set(key, fn);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return fn;
  }

  return {
    render(template, variables, locale, mode = 'text') {
      try {
        if (mode === 'json') {
          return compiled(template, true)(jsonEscaped(variables), {
            data: { ...locale, jsonEscaped: true },
          });
        }
        const urlInsertions = mode === 'url' ? new UrlInsertions() : undefined;
        const text = compiled(template, false)(variables, { data: { ...locale, urlInsertions } });
        return urlInsertions ? urlInsertions.resolve(text) : text;
      } catch (error) {
        throw new TemplateRenderError((error as Error).message);
      }
    },
  };
}

/** How a value reads in text: JSON for objects and lists, nothing for null and missing values. */
function insertedText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * `{"tags": {{json x}}}` ends in `}}}`, which Handlebars reads as a triple-stash close. In a
 * JSON template without any `{{{` opener it can only mean `}}` then `}`, and JSON ignores the space.
 */
function spaceClosingBraces(template: string): string {
  return template.includes('{{{') ? template : template.replaceAll('}}}', '}} }');
}

/**
 * Why a template would fail to compile in `mode`, or null: the check every place that accepts
 * templates (intents API, import) runs, so it agrees with rendering.
 */
export function checkTemplate(template: string, mode: RenderMode = 'text'): string | null {
  try {
    Handlebars.parse(mode === 'json' ? spaceClosingBraces(template) : template);
    return null;
  } catch (error) {
    return `template does not compile: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`;
  }
}
