import { createHmac } from 'node:crypto';
import { safeEqual } from './safe-equal.js';
import { z } from 'zod';
import type { SessionRepository, UserRecord, UserRepository } from '@parley/store';
import type { Principal } from './principal.js';

/** A login token: base64url payload, a dot, base64url HMAC — nothing else. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,1024}\.[A-Za-z0-9_-]{43}$/;

const ZClaims = z.object({ sid: z.string().min(1), sub: z.string().min(1), exp: z.number() });

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  /** Sent back as `X-CSRF-Token` on writes authenticated by the session cookie. */
  csrfToken: string;
}

export interface VerifiedSession {
  principal: Principal & { kind: 'user'; sessionId: string };
  expiresAt: Date;
  csrfToken: string;
}

export interface SessionService {
  issue(user: UserRecord, generation: number): Promise<IssuedSession>;
  /**
   * The user behind a token, checked against the database on every call: the session must
   * exist, be unexpired, and belong to a user who still exists with the same token generation.
   * The role is the user's current one.
   */
  verify(token: string): Promise<VerifiedSession | null>;
  /** Ends one session (log out). */
  revoke(sessionId: string): Promise<void>;
  /** Ends every session of a user (log out everywhere, user deleted). */
  revokeAll(userId: string): Promise<void>;
}

export interface SessionServiceDeps {
  /** HMAC key every replica reads from the database. */
  key: string;
  ttlMs: number;
  sessions: SessionRepository;
  users: Pick<UserRepository, 'getForAuth' | 'bumpGeneration'>;
  now?: () => number;
}

/**
 * Login sessions: the token is a signed `{sid, sub, exp}`, so a forged or truncated token is
 * refused without a database read, and the session record makes revocation immediate on every
 * replica (two `_id` lookups per request).
 */
export function createSessionService(deps: SessionServiceDeps): SessionService {
  const now = deps.now ?? (() => Date.now());
  const mac = (purpose: string, value: string) =>
    createHmac('sha256', deps.key).update(`${purpose}:${value}`).digest('base64url');
  const csrfOf = (sessionId: string) => mac('csrf', sessionId);

  function claimsOf(token: string): z.infer<typeof ZClaims> | null {
    if (!TOKEN_SHAPE.test(token)) return null;
    const [payload, signature] = token.split('.') as [string, string];
    if (!safeEqual(signature, mac('session', payload))) return null;
    try {
      const claims = ZClaims.safeParse(
        JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
      );
      return claims.success && claims.data.exp > now() ? claims.data : null;
    } catch {
      return null;
    }
  }

  return {
    async issue(user, generation) {
      const expiresAt = new Date(now() + deps.ttlMs);
      const session = await deps.sessions.create({ userId: user.id, generation, expiresAt });
      const payload = Buffer.from(
        JSON.stringify({ sid: session.id, sub: user.id, exp: expiresAt.getTime() }),
      ).toString('base64url');
      return {
        token: `${payload}.${mac('session', payload)}`,
        expiresAt,
        csrfToken: csrfOf(session.id),
      };
    },

    async verify(token) {
      const claims = claimsOf(token);
      if (!claims) return null;
      const [session, current] = await Promise.all([
        deps.sessions.get(claims.sid),
        deps.users.getForAuth(claims.sub),
      ]);
      if (!session || !current) return null;
      if (session.userId !== claims.sub || session.generation !== current.generation) return null;
      if (session.expiresAt.getTime() <= now()) return null;
      return {
        principal: {
          kind: 'user',
          id: current.user.id,
          name: current.user.username,
          role: current.user.role,
          sessionId: session.id,
        },
        expiresAt: session.expiresAt,
        csrfToken: csrfOf(session.id),
      };
    },

    async revoke(sessionId) {
      await deps.sessions.delete(sessionId);
    },

    async revokeAll(userId) {
      await deps.users.bumpGeneration(userId);
      await deps.sessions.deleteForUser(userId);
    },
  };
}
