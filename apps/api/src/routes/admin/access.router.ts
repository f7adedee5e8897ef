import { z } from 'zod';
import { ZApiKeyView, ZUserView, ZAuditEntryView } from './admin.responses.js';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import { hashPassword } from '../../auth/password.js';
import type { SessionService } from '../../auth/sessions.js';
import type { AdminContext } from './admin-context.js';
import { ZIdParams, ZPassword, ZRole, ZUsername } from './admin.schemas.js';

/** Admin API keys, admin UI users and the audit log. Admins only, except reading the log. */
export function addAccessRoutes(
  {
    router,
    registry,
    basePath,
    store,
    audit,
  }: AdminContext<'apiKeys' | 'auditLog' | 'sessions' | 'users'>,
  sessions: Pick<SessionService, 'revokeAll'>,
): void {
  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/api-keys',
    summary: 'List API keys (never the keys themselves)',
    tag: 'Access',
    role: 'admin',
    response: z.object({ apiKeys: z.array(ZApiKeyView) }),
    handler: async () => ({ apiKeys: await store.apiKeys.list() }),
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/api-keys',
    summary: 'Create an API key; the key is shown once in this response',
    tag: 'Access',
    role: 'admin',
    response: ZApiKeyView.extend({ key: z.string() }),
    body: z.object({ name: z.string().min(1).max(100), role: ZRole.default('viewer') }),
    status: 201,
    handler: async ({ body, principal }) => {
      const { key, record } = await store.apiKeys.create(body);
      await audit(principal, 'apiKey.create', `/api-keys/${record.id}`, null, {
        name: body.name,
        role: body.role,
      });
      return { ...record, key };
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/api-keys/:id',
    summary: 'Revoke an API key',
    tag: 'Access',
    role: 'admin',
    params: ZIdParams,
    status: 204,
    errors: [404],
    handler: async ({ params, principal }) => {
      if (!(await store.apiKeys.revoke(params.id)))
        throw HttpProblem.notFound(`API key "${params.id}"`);
      await audit(principal, 'apiKey.revoke', `/api-keys/${params.id}`, null);
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/users',
    summary: 'List admin UI users',
    tag: 'Access',
    role: 'admin',
    response: z.object({ users: z.array(ZUserView) }),
    handler: async () => ({ users: await store.users.list() }),
  });

  defineRoute(router, registry, basePath, {
    method: 'post',
    path: '/users',
    summary: 'Create an admin UI user',
    tag: 'Access',
    role: 'admin',
    response: ZUserView,
    body: z.object({ username: ZUsername, password: ZPassword, role: ZRole.default('viewer') }),
    status: 201,
    errors: [409],
    handler: async ({ body, principal }) => {
      const user = await store.users.create({
        username: body.username,
        role: body.role,
        passwordHash: await hashPassword(body.password),
      });
      await audit(principal, 'user.create', `/users/${user.id}`, null, {
        username: user.username,
        role: user.role,
      });
      return user;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'patch',
    path: '/users/:id',
    summary: 'Change a user’s role or password (ends every session of that user)',
    tag: 'Access',
    role: 'admin',
    response: ZUserView,
    params: ZIdParams,
    // A role, a password or both: said as a union so the published schema says it too.
    body: z.union([
      z.object({ role: ZRole, password: ZPassword.optional() }),
      z.object({ role: ZRole.optional(), password: ZPassword }),
    ]),
    errors: [404],
    handler: async ({ params, body, principal }) => {
      const user = await store.users.update(params.id, {
        ...(body.role && { role: body.role }),
        ...(body.password && { passwordHash: await hashPassword(body.password) }),
      });
      if (!user) throw HttpProblem.notFound(`User "${params.id}"`);
      await sessions.revokeAll(user.id);
      await audit(principal, 'user.update', `/users/${user.id}`, null, {
        ...(body.role && { role: body.role }),
        passwordChanged: body.password !== undefined,
      });
      return user;
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'delete',
    path: '/users/:id',
    summary: 'Delete an admin UI user',
    tag: 'Access',
    role: 'admin',
    params: ZIdParams,
    status: 204,
    errors: [404],
    handler: async ({ params, principal }) => {
      if (!(await store.users.delete(params.id))) throw HttpProblem.notFound(`User "${params.id}"`);
      await store.sessions.deleteForUser(params.id);
      await audit(principal, 'user.delete', `/users/${params.id}`, null);
    },
  });

  defineRoute(router, registry, basePath, {
    method: 'get',
    path: '/audit',
    summary: 'The audit log, newest first',
    tag: 'Access',
    role: 'viewer',
    response: z.object({ entries: z.array(ZAuditEntryView) }),
    query: z.object({
      botId: z.string().max(100).optional(),
      before: z.iso.datetime({ offset: true }).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    handler: async ({ query }) => ({
      entries: await store.auditLog.list({
        ...(query.botId && { botId: query.botId }),
        ...(query.before && { before: new Date(query.before) }),
        limit: query.limit,
      }),
    }),
  });
}
