import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=` and 64 hex digits: the only form Meta's `X-Hub-Signature-256` takes. */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * True when `header` is the HMAC-SHA256 of the exact request bytes under the app secret.
 * The algorithm is fixed (never read from the header), a missing secret never verifies,
 * and the digests are compared in constant time.
 */
export function verifySignature(
  rawBody: Buffer,
  header: string | undefined,
  appSecret: string | undefined,
): boolean {
  if (!appSecret) return false;
  const given = SIGNATURE.exec(header ?? '')?.[1];
  if (!given) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}

/** The header value Meta would send for these bytes (tests and tools sign with it). */
export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
