import type { RequestHandler } from 'express';
import { HttpProblem } from '../http/problem.js';
import { hasRole, type Principal, type Role } from './principal.js';

/** 401 without credentials, 403 when the caller's role is too low. */
export function requireRole(role: Role | 'public'): RequestHandler {
  return (_req, res, next) => {
    if (role === 'public') return next();
    const principal = res.locals.principal as Principal | undefined;
    if (!principal && res.locals.csrfFailed === true) {
      throw new HttpProblem({
        status: 403,
        code: 'CSRF_FAILED',
        title: 'Missing or wrong CSRF token',
        detail: 'Writes signed in by the session cookie must send its X-CSRF-Token header.',
      });
    }
    if (!principal) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new HttpProblem({
        status: 401,
        code: 'UNAUTHENTICATED',
        title: 'Authentication required',
        detail: 'Send Authorization: Bearer <API key or login token>, or sign in.',
      });
    }
    if (!hasRole(principal, role)) {
      throw new HttpProblem({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Forbidden',
        detail: `This needs the ${role} role; you are ${principal.role}.`,
      });
    }
    next();
  };
}
