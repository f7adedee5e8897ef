import type { RequestHandler } from 'express';
import type { Metrics } from './metrics.js';

/**
 * Counts requests and their latency per route template (`/bots/:botId`, not the raw
 * path, so label cardinality stays bounded). Unmatched paths count as `unmatched`.
 */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = process.hrtime.bigint();
    res.on('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path;
      const route =
        (res.locals.routeTemplate as string | undefined) ??
        (routePath ? `${req.baseUrl}${routePath}` : 'unmatched');
      const seconds = Number(process.hrtime.bigint() - end) / 1e9;
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method: req.method, route }, seconds);
    });
    next();
  };
}
