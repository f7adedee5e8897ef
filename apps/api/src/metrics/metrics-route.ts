import type { RequestHandler } from 'express';
import { safeEqual } from '../auth/safe-equal.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { HttpProblem } from '../http/problem.js';
import type { Metrics } from './metrics.js';

/** Serves the Prometheus text format of a registry (no access check: see metricsAccess). */
export function serveMetrics(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/**
 * `/metrics` on the API port names bots and routes, so it needs credentials: the
 * `METRICS_TOKEN` bearer token (what Prometheus sends), or any admin API credential.
 * Runs after `authenticate`.
 */
export function metricsAccess(metricsToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (metricsToken && bearer && safeEqual(bearer, metricsToken)) return next();
    const principal = res.locals.principal as Principal | undefined;
    if (principal && hasRole(principal, 'viewer')) return next();
    res.setHeader('WWW-Authenticate', 'Bearer');
    throw new HttpProblem({
      status: 401,
      code: 'UNAUTHENTICATED',
      title: 'Authentication required',
      detail: 'Send Authorization: Bearer <METRICS_TOKEN> (or an admin API key).',
    });
  };
}
