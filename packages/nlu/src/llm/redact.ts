const REDACTED = '[redacted]';
/** Shorter "keys" (e.g. a placeholder like "x") would shred ordinary words; they guard nothing. */
const MIN_SECRET_LENGTH = 4;

/**
 * Removes the API key, and any bearer token, from a text before it leaves this module
 * (errors, call records, events). Gateways have been seen echoing the key in error bodies.
 */
export function redactSecret(text: string, secret: string | undefined): string {
  let safe = text.replace(/Bearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`);
  if (secret && secret.length >= MIN_SECRET_LENGTH) safe = safe.split(secret).join(REDACTED);
  return safe;
}
