/**
 * Values inserted into a URL template are first written as numbered markers, then encoded for
 * the place the marker ended up in: a path segment or a query/fragment value. A value in the
 * scheme, host or port is refused, as is a path segment of only dots (which would climb the
 * path). Raw text ({{raw x}}, triple-stash) is inserted as it is.
 */
const MARK = '\u0000';
// eslint-disable-next-line no-control-regex -- the marker is a control character no template text holds
const MARKER = /\u0000(\d+)\u0000/g;

export class UrlInsertions {
  private readonly values: string[] = [];

  /** The marker that stands for `value` until `resolve`. */
  mark(value: string): string {
    this.values.push(value);
    return `${MARK}${this.values.length - 1}${MARK}`;
  }

  /** The URL with every marker replaced by its value, encoded for its position. */
  resolve(rendered: string): string {
    const authorityEnd = endOfAuthority(rendered);
    const queryStart = firstLiteral(rendered, /[?#]/);
    return rendered.replace(MARKER, (_marker, index: string, at: number) => {
      const value = this.values[Number(index)] ?? '';
      if (at < authorityEnd)
        throw new UrlInsertionError('a value may not be inserted into the scheme, host or port');
      if (queryStart < 0 || at < queryStart) {
        if (/^\.+$/.test(value))
          throw new UrlInsertionError(`"${value}" is not allowed as a path segment`);
      }
      return encodeURIComponent(value);
    });
  }
}

export class UrlInsertionError extends Error {
  override readonly name = 'UrlInsertionError';
}

/** Where the authority ends (the first `/`, `?` or `#` after `scheme://`), or 0 without one. */
function endOfAuthority(text: string): number {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(text.replace(MARKER, 'x'));
  if (!scheme) return text.length;
  const rest = firstLiteral(text, /[/?#]/, scheme[0].length);
  return rest < 0 ? text.length : rest;
}

/** The index of the first character matching `pattern` outside markers, or -1. */
function firstLiteral(text: string, pattern: RegExp, from = 0): number {
  let inMarker = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === MARK) {
      inMarker = !inMarker;
      continue;
    }
    if (!inMarker && i >= from && pattern.test(char)) return i;
  }
  return -1;
}

/**
 * The origin a URL template writes out before its first `{{`: what every rendering of it must
 * keep. Null when the template does not start with a literal `http(s)://host`.
 */
export function literalOrigin(template: string): string | null {
  const prefix = template.split('{{')[0] ?? '';
  const match = /^\s*(https?:\/\/[^/?#\s]+)/i.exec(prefix);
  if (!match) return null;
  try {
    return new URL(match[1]!).origin;
  } catch {
    return null;
  }
}
