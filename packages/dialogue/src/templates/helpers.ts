import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { jsonUnescaped } from './json-escape.js';

type Env = typeof Handlebars;

const DATE_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  short: { dateStyle: 'short', timeStyle: 'short' },
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  long: { dateStyle: 'long', timeStyle: 'short' },
  date: { dateStyle: 'long' },
  time: { timeStyle: 'short' },
};

/** Handlebars passes its options object as the last argument of every helper. */
function split(args: unknown[]): { values: unknown[]; options: HelperOptions } {
  return { values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Helpers every template may use:
 * `{{random "a" "b"}}` picks one argument; `{{default x "fallback"}}` the first non-empty;
 * `{{formatDate x "long"}}` (short | medium | long | date | time | iso, `timeZone=` overrides the bot's);
 * `{{formatNumber x decimals=2 style="currency" currency="EUR"}}`; `{{json x}}`;
 * `{{urlencode x}}`; `{{raw x}}` (inserted unencoded into a tool-call URL); `(eq a b)` for conditions.
 * Formatting helpers are lenient: a value they cannot read is printed as it is.
 */
export function registerHelpers(env: Env, random: () => number): void {
  env.registerHelper('random', (...args: unknown[]) => {
    const { values } = split(args);
    if (values.length === 0) return '';
    return values[Math.min(values.length - 1, Math.floor(random() * values.length))];
  });

  env.registerHelper('default', (...args: unknown[]) => {
    const { values } = split(args);
    return values.find((value) => !isEmpty(value)) ?? '';
  });

  env.registerHelper('formatDate', (...args: unknown[]) => {
    const { values, options } = split(args);
    const date = toDate(values[0]);
    if (!date) return isEmpty(values[0]) ? '' : String(values[0]);
    const style = typeof values[1] === 'string' ? values[1] : 'medium';
    if (style === 'iso') return date.toISOString();
    const timeZone =
      (options.hash.timeZone as string | undefined) ?? options.data?.timeZone ?? 'UTC';
    const format = DATE_STYLES[style] ?? DATE_STYLES.medium;
    return new Intl.DateTimeFormat(options.data?.language ?? 'en', { ...format, timeZone }).format(
      date,
    );
  });

  env.registerHelper('formatNumber', (...args: unknown[]) => {
    const { values, options } = split(args);
    const number = typeof values[0] === 'string' ? Number(values[0]) : values[0];
    if (typeof number !== 'number' || Number.isNaN(number))
      return isEmpty(values[0]) ? '' : String(values[0]);
    const { decimals, style, currency } = options.hash as Record<string, unknown>;
    const format: Intl.NumberFormatOptions = {};
    if (typeof decimals === 'number') {
      format.minimumFractionDigits = decimals;
      format.maximumFractionDigits = decimals;
    }
    if (style === 'percent' || style === 'currency') format.style = style;
    if (typeof currency === 'string') format.currency = currency;
    return new Intl.NumberFormat(options.data?.language ?? 'en', format).format(number);
  });

  env.registerHelper('json', (value: unknown, options: HelperOptions) => {
    // In JSON mode the variables arrive escaped; print the original value once.
    const original = options.data?.jsonEscaped ? jsonUnescaped(value) : value;
    return JSON.stringify(original ?? null);
  });
  // Already encoded: a URL template inserts it as it is.
  env.registerHelper(
    'urlencode',
    (value: unknown) => new env.SafeString(encodeURIComponent(isEmpty(value) ? '' : String(value))),
  );
  env.registerHelper('raw', (value: unknown) => {
    if (isEmpty(value)) return new env.SafeString('');
    return new env.SafeString(typeof value === 'object' ? JSON.stringify(value) : String(value));
  });
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}
