import type { Router } from 'express';
import type { OpenApiRegistry } from '../openapi/openapi-registry.js';
import type { AdminContext } from './admin/admin-context.js';

/**
 * Routes a module adds to the app, the one way to plug them in. Public groups (chat channels,
 * the widget) are mounted before admin authentication and CORS, each with its own credentials;
 * admin groups are added to the admin router under /api/v1/admin, behind its roles.
 */
export type RouteGroup =
  | { readonly at: 'public'; readonly add: (registry: OpenApiRegistry) => Router }
  | { readonly at: 'admin'; readonly add: (ctx: AdminContext) => void };

export function publicRoutes(add: (registry: OpenApiRegistry) => Router): RouteGroup {
  return { at: 'public', add };
}

export function adminRoutes(add: (ctx: AdminContext) => void): RouteGroup {
  return { at: 'admin', add };
}
