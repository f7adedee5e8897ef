import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from './principal.js';

const ZClaims = z.object({
  sub: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'viewer']),
  exp: z.number(),
});

export interface TokenService {
  issue(principal: Principal): { token: string; expiresAt: Date };
  /** The user behind a valid, unexpired token, or null. */
  verify(token: string): Principal | null;
}

/**
 * Short-lived login tokens: `payload.signature`, HMAC-SHA256 with a key every replica
 * reads from the database, so any instance accepts a token another issued.
 */
export function createTokenService(
  key: string,
  ttlMs: number,
  now = () => Date.now(),
): TokenService {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

  return {
    issue(principal) {
      const expiresAt = new Date(now() + ttlMs);
      const payload = Buffer.from(
        JSON.stringify({
          sub: principal.id,
          name: principal.name,
          role: principal.role,
          exp: expiresAt.getTime(),
        }),
      ).toString('base64url');
      return { token: `${payload}.${sign(payload)}`, expiresAt };
    },

    verify(token) {
      const [payload, signature] = token.split('.');
      if (!payload || !signature) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const claims = ZClaims.parse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
        if (claims.exp <= now()) return null;
        return { kind: 'user', id: claims.sub, name: claims.name, role: claims.role };
      } catch {
        return null;
      }
    },
  };
}
