import { Router } from 'express';
import { sendProblem } from '../../http/problem.js';

export interface HealthDeps {
  /** True when the database answers. */
  ping(): Promise<boolean>;
}

/** `/healthz`: the process is up. `/readyz`: it can serve (the database answers). */
export function createHealthRouter({ ping }: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req, res) => {
    if (await ping()) {
      res.json({ status: 'ready', database: 'ok' });
      return;
    }
    sendProblem(res, {
      status: 503,
      code: 'NOT_READY',
      title: 'Not ready',
      detail: 'The database does not answer.',
      instance: req.originalUrl,
    });
  });
  return router;
}
