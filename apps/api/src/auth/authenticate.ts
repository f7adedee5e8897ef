import type { RequestHandler } from 'express';
import type { ApiKeyRepository } from '@parley/store';
import type { Principal } from './principal.js';
import type { TokenService } from './tokens.js';

/**
 * Reads `Authorization: Bearer …` (an admin API key or a login token) and puts the
 * caller in `res.locals.principal`. Routes decide with requireRole what they need.
 */
export function authenticate(deps: {
  apiKeys: ApiKeyRepository;
  tokens: TokenService;
}): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) return next();
    const credential = match[1]!;
    let principal: Principal | null = deps.tokens.verify(credential);
    if (!principal) {
      const key = await deps.apiKeys.verify(credential);
      if (key) principal = { kind: 'apiKey', id: key.id, name: key.name, role: key.role };
    }
    if (principal) res.locals.principal = principal;
    next();
  };
}
