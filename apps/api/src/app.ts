import { randomUUID } from 'node:crypto';
import express, { type Express, type Request } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Store } from '@parley/store';
import { authenticate } from './auth/authenticate.js';
import type { SessionService } from './auth/sessions.js';
import { adminCors } from './http/admin-cors.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { checkJsonDepth } from './http/json-depth.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { metricsAccess, serveMetrics } from './metrics/metrics-route.js';
import { createRateLimiter } from './http/rate-limiter.js';
import { createAudit } from './services/audit.js';
import { createOpenApiRegistry } from './openapi/openapi-registry.js';
import {
  ADMIN_BASE_PATH,
  createAdminRouter,
  type AdminRouterDeps,
} from './routes/admin/admin.router.js';
import { createAdminUiRouter } from './routes/admin-ui.router.js';
import { createAuthRouter } from './routes/auth.router.js';
import { createHealthRouter } from './routes/health/health.router.js';
import { createOpenApiRouter } from './routes/openapi.router.js';
import type { RouteGroup } from './routes/route-group.js';

export interface AppDeps {
  logger: Logger;
  bodyLimitBytes: number;
  trustProxy: number;
  store: Store;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  sessions: SessionService;
  /** Prometheus metrics; a fresh registry when absent. */
  metrics?: Metrics;
  /** Bearer token that may read /metrics besides admin credentials. */
  metricsToken?: string;
  /** Check every response against its declared schema (development and tests). */
  checkResponses?: boolean;
  /** Origins of an admin UI hosted elsewhere on the same site (CORS with credentials). */
  adminOrigins?: string[];
  version?: string;
  /** The API's public base URL (PUBLIC_URL), for URLs the admin shows. */
  publicUrl?: string;
  /** Starts training a bot and returns the job id (null: nothing to train); `import?train=true` uses it. */
  startTraining?: AdminRouterDeps['startTraining'];
  /** The built admin single-page app (null: not built, /admin says how to build it). */
  adminUiDir?: string | null;
  /** Route groups of the modules composed in (channels, training, models, parse …). */
  routes?: RouteGroup[];
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Channel webhooks whose handlers check a signature over the raw body. */
const SIGNED_WEBHOOK = /^\/api\/v1\/channels\/[^/?]+\/[^/?]+\/webhook\/?(?:\?|$)/i;
const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_MS = 15 * 60_000;

/** The Express app, without listening: tests mount it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  const registry = createOpenApiRegistry({ checkResponses: deps.checkResponses ?? false });
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Expected client errors are not server errors.
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  const metrics = deps.metrics ?? createMetrics();
  app.use(httpMetrics(metrics));
  app.use(helmet());
  // Signed webhooks read their bytes themselves: the signature covers them as sent.
  app.use(
    express.json({
      limit: deps.bodyLimitBytes,
      type: (req) =>
        !SIGNED_WEBHOOK.test(req.url ?? '') &&
        Boolean((req as Request).is(['application/json', 'application/*+json'])),
      verify: (_req, _res, body) => checkJsonDepth(body),
    }),
  );

  app.use(createHealthRouter(deps));
  app.get(
    '/metrics',
    authenticate({ apiKeys: deps.store.apiKeys, sessions: deps.sessions }),
    metricsAccess(deps.metricsToken),
    serveMetrics(metrics),
  );
  const groups = deps.routes ?? [];
  for (const group of groups) if (group.at === 'public') app.use(group.add(registry));
  if (deps.adminOrigins?.length) app.use('/api/v1', adminCors(deps.adminOrigins));
  app.use('/api/v1', authenticate({ apiKeys: deps.store.apiKeys, sessions: deps.sessions }));
  app.use(
    '/api/v1/auth',
    createAuthRouter({
      users: deps.store.users,
      settings: deps.store.settings,
      sessions: deps.sessions,
      loginLimiter: createRateLimiter(LOGIN_ATTEMPTS, LOGIN_WINDOW_MS),
      registry,
      audit: createAudit(deps.store.auditLog),
    }),
  );
  app.use(
    ADMIN_BASE_PATH,
    createAdminRouter({
      store: deps.store,
      registry,
      sessions: deps.sessions,
      startTraining: deps.startTraining,
      publicUrl: deps.publicUrl,
      groups: groups.flatMap((group) => (group.at === 'admin' ? [group.add] : [])),
    }),
  );
  app.use(createOpenApiRouter(registry, deps.version ?? '0.1.0'));
  app.use(createAdminUiRouter({ distDir: deps.adminUiDir ?? null, publicUrl: deps.publicUrl }));

  app.use(notFoundHandler(registry));
  app.use(errorHandler);
  return app;
}
