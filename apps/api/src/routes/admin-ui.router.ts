import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Response } from 'express';
import { sendProblem } from '../http/problem.js';

export const ADMIN_UI_PATH = '/admin';

/**
 * No inline script or style, no eval, nothing from other origins: the admin's bundle needs
 * none, so a script injected through any bot text would have nothing to run with.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Where the built admin is: ADMIN_DIST_DIR, else apps/admin/dist next to this app (src or dist). */
export function findAdminDist(configured?: string): string | null {
  const candidates = configured
    ? [path.resolve(configured)]
    : [path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../admin/dist')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

/**
 * The admin single-page app at /admin: its files, `config.json` for this deployment (the
 * API is on the same origin), and index.html for every deep link.
 */
export function createAdminUiRouter({
  distDir,
  publicUrl,
}: {
  distDir: string | null;
  /** Where browsers and other sites reach this API (embed snippets, webhook URLs). */
  publicUrl?: string;
}): Router {
  const router = Router();
  const strict = (res: Response) => {
    res.setHeader('Content-Security-Policy', ADMIN_CSP);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Referrer-Policy', 'no-referrer');
  };

  router.get(`${ADMIN_UI_PATH}/config.json`, (_req, res) => {
    strict(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.json({ apiBaseUrl: '', ...(publicUrl && { publicUrl }) });
  });

  if (!distDir) {
    router.get([ADMIN_UI_PATH, `${ADMIN_UI_PATH}/{*rest}`], (req, res) =>
      sendProblem(res, {
        status: 404,
        code: 'ADMIN_NOT_BUILT',
        title: 'The admin UI is not built',
        detail:
          'Build it with `npm run build -w @parley/admin` (npm start does), or set ADMIN_DIST_DIR to its dist folder.',
        instance: req.originalUrl,
      }),
    );
    return router;
  }

  const indexHtml = path.join(distDir, 'index.html');
  router.use(
    `${ADMIN_UI_PATH}/assets`,
    express.static(path.join(distDir, 'assets'), {
      index: false,
      fallthrough: false,
      // File names carry a content hash: a new build never reuses one.
      immutable: true,
      maxAge: '365d',
      setHeaders: strict,
    }),
  );
  router.use(
    ADMIN_UI_PATH,
    express.static(distDir, { index: false, redirect: false, setHeaders: strict }),
  );
  router.get([ADMIN_UI_PATH, `${ADMIN_UI_PATH}/{*rest}`], (_req, res) => {
    strict(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
