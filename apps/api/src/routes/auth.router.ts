import { Router } from 'express';
import { z } from 'zod';
import type { SettingsRepository, UserRepository } from '@parley/store';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { Principal } from '../auth/principal.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import type { SessionService, VerifiedSession } from '../auth/sessions.js';
import { defineRoute } from '../http/define-route.js';
import { HttpProblem } from '../http/problem.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { OpenApiRegistry } from '../openapi/openapi-registry.js';
import type { Audit } from '../services/audit.js';
import { ZPassword, ZRole, ZUsername } from './admin/admin.schemas.js';

export interface AuthDeps {
  users: UserRepository;
  settings: Pick<SettingsRepository, 'consumeOneTimeToken'>;
  sessions: SessionService;
  loginLimiter: RateLimiter;
  registry: OpenApiRegistry;
  audit: Audit;
}

/** The settings document holding the first-run setup token. */
export const SETUP_TOKEN_NAME = 'firstRunSetupToken';

// Checked against a real hash when the user does not exist, so timing does not tell.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const BASE = '/api/v1/auth';

const ZUserView = z.object({ id: z.string(), username: z.string(), role: ZRole });

/**
 * Sign-in for people: login (a bearer token for scripts, or an httpOnly session cookie for the
 * admin UI), the current session, logout, log out everywhere, password change, and first-run
 * setup of the first admin.
 */
export function createAuthRouter(deps: AuthDeps): Router {
  const { users, sessions, loginLimiter, registry, audit } = deps;
  const router = Router();

  defineRoute(router, registry, BASE, {
    method: 'post',
    path: '/login',
    summary:
      'Log in: `session: "token"` (default) returns a bearer token; `"cookie"` sets the admin UI’s httpOnly session cookie and returns its CSRF token',
    tag: 'Auth',
    role: 'public',
    body: z.object({
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(200),
      session: z.enum(['token', 'cookie']).default('token'),
    }),
    response: z.object({
      token: z.string().optional(),
      csrfToken: z.string().optional(),
      username: z.string(),
      expiresAt: z.string(),
      role: ZRole,
    }),
    errors: [401, 429],
    handler: async ({ body, req, res }) => {
      const key = `${req.ip}:${body.username.toLowerCase()}`;
      const wait = loginLimiter.hit(key);
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        throw new HttpProblem({
          status: 429,
          code: 'TOO_MANY_ATTEMPTS',
          title: 'Too many login attempts',
          detail: `Try again in ${wait} s.`,
        });
      }
      const found = await users.findForLogin(body.username);
      const ok = await verifyPassword(body.password, found?.passwordHash ?? DUMMY_HASH);
      if (!found || !ok) {
        throw new HttpProblem({
          status: 401,
          code: 'INVALID_CREDENTIALS',
          title: 'Invalid credentials',
          detail: 'Unknown user or wrong password.',
        });
      }
      loginLimiter.reset(key);
      const issued = await sessions.issue(found.user, found.generation);
      const view = {
        username: found.user.username,
        role: found.user.role,
        expiresAt: issued.expiresAt.toISOString(),
      };
      if (body.session === 'cookie') {
        setSessionCookie(req, res, issued.token, issued.expiresAt);
        return { ...view, csrfToken: issued.csrfToken };
      }
      return { ...view, token: issued.token };
    },
  });

  defineRoute(router, registry, BASE, {
    method: 'get',
    path: '/session',
    summary: 'The signed-in user, when the session expires, and its CSRF token',
    tag: 'Auth',
    role: 'viewer',
    response: z.object({ user: ZUserView, expiresAt: z.string(), csrfToken: z.string() }),
    handler: async ({ res }) => {
      const session = currentSession(res.locals);
      const { principal } = session;
      return {
        user: { id: principal.id, username: principal.name, role: principal.role },
        expiresAt: session.expiresAt.toISOString(),
        csrfToken: session.csrfToken,
      };
    },
  });

  defineRoute(router, registry, BASE, {
    method: 'post',
    path: '/logout',
    summary: 'End this session (the token or cookie stops working on every replica)',
    tag: 'Auth',
    role: 'viewer',
    status: 204,
    handler: async ({ req, res }) => {
      await sessions.revoke(currentSession(res.locals).principal.sessionId);
      clearSessionCookie(req, res);
    },
  });

  defineRoute(router, registry, BASE, {
    method: 'post',
    path: '/logout-all',
    summary: 'End every session of the signed-in user',
    tag: 'Auth',
    role: 'viewer',
    status: 204,
    handler: async ({ req, res, principal }) => {
      const session = currentSession(res.locals);
      await sessions.revokeAll(session.principal.id);
      await audit(principal, 'user.logoutAll', `/users/${session.principal.id}`, null);
      clearSessionCookie(req, res);
    },
  });

  defineRoute(router, registry, BASE, {
    method: 'post',
    path: '/password',
    summary: 'Change the signed-in user’s password (ends every session, this one included)',
    tag: 'Auth',
    role: 'viewer',
    body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword }),
    status: 204,
    errors: [401],
    handler: async ({ body, req, res, principal }) => {
      const session = currentSession(res.locals);
      const found = await users.findForLogin(session.principal.name);
      if (!found || !(await verifyPassword(body.currentPassword, found.passwordHash))) {
        throw new HttpProblem({
          status: 401,
          code: 'INVALID_CREDENTIALS',
          title: 'Invalid credentials',
          detail: 'The current password is wrong.',
        });
      }
      await users.update(found.user.id, { passwordHash: await hashPassword(body.newPassword) });
      await sessions.revokeAll(found.user.id);
      await audit(principal, 'user.passwordChange', `/users/${found.user.id}`, null);
      clearSessionCookie(req, res);
    },
  });

  defineRoute(router, registry, BASE, {
    method: 'get',
    path: '/setup',
    summary: 'Whether the first admin still has to be created (first run)',
    tag: 'Auth',
    role: 'public',
    response: z.object({ needed: z.boolean() }),
    handler: async () => ({ needed: (await users.count()) === 0 }),
  });

  defineRoute(router, registry, BASE, {
    method: 'post',
    path: '/setup',
    summary: 'First run: create the first admin with the one-time token the API printed',
    tag: 'Auth',
    role: 'public',
    body: z.object({
      token: z.string().min(1).max(200),
      username: ZUsername,
      password: ZPassword,
    }),
    status: 201,
    response: z.object({ user: ZUserView }),
    errors: [403, 409],
    handler: async ({ body }) => {
      if ((await users.count()) > 0) throw setupDone();
      if (!(await deps.settings.consumeOneTimeToken(SETUP_TOKEN_NAME, body.token))) {
        throw new HttpProblem({
          status: 403,
          code: 'SETUP_TOKEN_INVALID',
          title: 'Setup link not valid',
          detail: 'The setup token is wrong, used or expired; restart the API for a new link.',
        });
      }
      const user = await users.create({
        username: body.username,
        role: 'admin',
        passwordHash: await hashPassword(body.password),
      });
      const actor: Principal = { kind: 'user', id: user.id, name: user.username, role: 'admin' };
      await audit(actor, 'user.setup', `/users/${user.id}`, null, { username: user.username });
      return { user: { id: user.id, username: user.username, role: user.role } };
    },
  });

  return router;
}

function currentSession(locals: Record<string, unknown>): VerifiedSession {
  const session = locals.session as VerifiedSession | undefined;
  if (!session) {
    throw new HttpProblem({
      status: 403,
      code: 'NOT_A_SESSION',
      title: 'Not a login session',
      detail: 'This route is for signed-in users; API keys have no session.',
    });
  }
  return session;
}

function setupDone(): HttpProblem {
  return new HttpProblem({
    status: 409,
    code: 'SETUP_DONE',
    title: 'Setup already done',
    detail: 'An admin user exists; sign in instead.',
  });
}
