import Handlebars from 'handlebars';
import { registerHelpers } from './helpers.js';
import { jsonEscaped } from './json-escape.js';

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
 * `text`: values are inserted as they are. `json`: string values are JSON-escaped (without
 * quotes), so `{"name": "{{parameters.name}}"}` stays valid JSON whatever the value holds;
 * `{{json x}}` still prints `x` as JSON once.
 */
export type RenderMode = 'text' | 'json';

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
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  const cache = new Map<string, HandlebarsTemplateDelegate>();

  function compiled(template: string): HandlebarsTemplateDelegate {
    const hit = cache.get(template);
    if (hit) {
      cache.delete(template);
      cache.set(template, hit);
      return hit;
    }
    // `compile` is lazy; parsing here surfaces syntax errors before anything is cached.
    env.parse(template);
    const fn = env.compile(template, { noEscape: true, strict: false });
    cache.set(template, fn);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    return fn;
  }

  return {
    render(template, variables, locale, mode = 'text') {
      try {
        const view = mode === 'json' ? jsonEscaped(variables) : variables;
        return compiled(mode === 'json' ? spaceClosingBraces(template) : template)(view, {
          data: { ...locale, jsonEscaped: mode === 'json' },
        });
      } catch (error) {
        throw new TemplateRenderError((error as Error).message);
      }
    },
  };
}

/**
 * `{"tags": {{json x}}}` ends in `}}}`, which Handlebars reads as a triple-stash close. In a
 * JSON template without any `{{{` opener it can only mean `}}` then `}`, and JSON ignores the space.
 */
function spaceClosingBraces(template: string): string {
  return template.includes('{{{') ? template : template.replaceAll('}}}', '}} }');
}
