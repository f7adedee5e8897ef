/** Request bodies nesting deeper than this are refused before they are parsed. */
export const JSON_MAX_DEPTH = 32;

/** Thrown from express.json's `verify`: the error handler answers 400 naming the limit. */
export class JsonTooDeepError extends Error {
  override readonly name = 'JsonTooDeepError';
  constructor(readonly maxDepth: number) {
    super(`the JSON body nests deeper than ${maxDepth} levels`);
  }
}

/**
 * Scans raw JSON bytes for the deepest nesting of arrays and objects, outside strings, and
 * throws past `maxDepth`: deep bodies cost recursion everywhere after parsing.
 */
export function checkJsonDepth(body: Buffer, maxDepth = JSON_MAX_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c)
        i += 1; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > maxDepth) throw new JsonTooDeepError(maxDepth);
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}
