import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { createHealthRouter, type HealthDeps } from './routes/health/health.router.js';

export interface AppDeps extends HealthDeps {
  logger: Logger;
  bodyLimitBytes: number;
  trustProxy: number;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The Express app, without listening: tests mount it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
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
  app.use(helmet());
  app.use(express.json({ limit: deps.bodyLimitBytes }));

  app.use(createHealthRouter(deps));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
