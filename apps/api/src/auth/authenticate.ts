import type { RequestHandler } from 'express';
import { safeEqual } from './safe-equal.js';
import type { ApiKeyRepository } from '@parley/store';
import type { Principal } from './principal.js';
import { readCookie, SESSION_COOKIE } from './session-cookie.js';
import type { SessionService } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads `Authorization: Bearer …` (an admin API key or a login token) or the admin UI's session
 * cookie and puts the caller in `res.locals.principal`. Routes decide with requireRole what they
 * need. A write authenticated by the cookie must carry `X-CSRF-Token`: SameSite=Strict already
 * keeps other sites out, the header also keeps out a same-site page that is not the admin.
 */
export function authenticate(deps: {
  apiKeys: ApiKeyRepository;
  sessions: SessionService;
}): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (bearer) {
      const session = await deps.sessions.verify(bearer);
      if (session) {
        res.locals.principal = { ...session.principal, via: 'bearer' } satisfies Principal;
        res.locals.session = session;
        return next();
      }
      const key = await deps.apiKeys.verify(bearer);
      if (key) {
        res.locals.principal = {
          kind: 'apiKey',
          id: key.id,
          name: key.name,
          role: key.role,
          via: 'bearer',
        } satisfies Principal;
      }
      return next();
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    if (!cookie) return next();
    const session = await deps.sessions.verify(cookie);
    if (!session) return next();
    if (!SAFE_METHODS.has(req.method) && !safeEqual(req.get('x-csrf-token'), session.csrfToken)) {
      // Not signed in for this request; requireRole answers 403 CSRF_FAILED where it matters,
      // and public routes (login, setup) still work with a stale cookie.
      res.locals.csrfFailed = true;
      return next();
    }
    res.locals.principal = { ...session.principal, via: 'cookie' } satisfies Principal;
    res.locals.session = session;
    next();
  };
}
