import { Router } from 'express';
import { z } from 'zod';
import type { UserRepository } from '@parley/store';
import { verifyPassword } from '../auth/password.js';
import type { TokenService } from '../auth/tokens.js';
import { defineRoute } from '../http/define-route.js';
import { HttpProblem } from '../http/problem.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { OpenApiRegistry } from '../openapi/openapi-registry.js';

export interface AuthDeps {
  users: UserRepository;
  tokens: TokenService;
  loginLimiter: RateLimiter;
  registry: OpenApiRegistry;
}

// Checked against a real hash when the user does not exist, so timing does not tell.
const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** `POST /api/v1/auth/login`: username and password → a short-lived bearer token. */
export function createAuthRouter({ users, tokens, loginLimiter, registry }: AuthDeps): Router {
  const router = Router();
  defineRoute(router, registry, '/api/v1/auth', {
    method: 'post',
    path: '/login',
    summary: 'Log in to the admin API; returns a short-lived bearer token',
    tag: 'Auth',
    role: 'public',
    body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
    response: z.object({
      token: z.string(),
      expiresAt: z.string(),
      role: z.enum(['admin', 'viewer']),
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
      const { token, expiresAt } = tokens.issue({
        kind: 'user',
        id: found.user.id,
        name: found.user.username,
        role: found.user.role,
      });
      return { token, expiresAt: expiresAt.toISOString(), role: found.user.role };
    },
  });
  return router;
}
