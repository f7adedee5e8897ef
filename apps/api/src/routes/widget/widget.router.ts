import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { readChannelSettings, WIDGET_LANGUAGES } from '@parley/domain';
import { defineRoute } from '../../http/define-route.js';
import { HttpProblem } from '../../http/problem.js';
import type { OpenApiRegistry } from '../../openapi/openapi-registry.js';
import { checkChannelAccess, type ChannelAccessDeps } from '../chat/channel-access.js';
import { createWidgetBundleLoader, type WidgetBundle } from './widget-bundle.js';

export interface WidgetRouterDeps extends ChannelAccessDeps {
  registry: OpenApiRegistry;
  /** apps/widget/dist: widget.js, widget.<hash>.js and manifest.json. */
  widgetDir: string;
}

const YEAR_S = 31_536_000;
const CONFIG_MAX_AGE_S = 60;

const ZLookResponse = z.object({
  title: z.string().optional(),
  greeting: z.string().optional(),
  primaryColor: z.string(),
  position: z.enum(['bottom-right', 'bottom-left']),
  language: z.enum(WIDGET_LANGUAGES),
});

/**
 * The web chat widget: its script for any page (`/widget.js`, revalidated, and
 * `/widget.<hash>.js`, cached for a year) and the look it asks for when it starts.
 */
export function createWidgetRouter(deps: WidgetRouterDeps): Router {
  const router = Router();
  const bundle = createWidgetBundleLoader(deps.widgetDir);

  const serve = (immutable: boolean) => async (req: Request, res: Response) => {
    const loaded = await bundle();
    if (!loaded || (immutable && req.params.hash !== loaded.hash)) {
      throw new HttpProblem({
        status: 404,
        code: 'NOT_FOUND',
        title: 'Not found',
        detail: loaded
          ? `The widget script is now /${loaded.file}.`
          : 'The widget is not built: run `npm run build -w @parley/widget`.',
      });
    }
    scriptHeaders(res, loaded, immutable);
    if (!immutable && req.headers['if-none-match'] === etag(loaded)) {
      res.status(304).end();
      return;
    }
    res.send(loaded.code);
  };
  router.get('/widget.js', serve(false));
  router.get('/widget.:hash.js', serve(true));

  // Any origin may ask: the answer itself says whether the origin is allowed, with CORS
  // headers, so a refused page can read why and its developer sees it in the console.
  router.options('/api/v1/bots/:botId/widget/config', (req, res) => {
    reflectOrigin(req, res);
    res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'X-Parley-Key');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  defineRoute(router, deps.registry, '', {
    method: 'get',
    path: '/api/v1/bots/:botId/widget/config',
    summary:
      "The widget's look (title, greeting, colour, position, language); `X-Parley-Key` from an allowed origin",
    tag: 'Chat',
    role: 'public',
    params: z.object({ botId: z.string().min(1).max(100) }),
    response: ZLookResponse,
    errors: [401, 403],
    handler: async ({ params, req, res }) => {
      reflectOrigin(req, res);
      if (typeof req.headers['x-parley-key'] !== 'string')
        throw new HttpProblem({
          status: 401,
          code: 'UNAUTHENTICATED',
          title: 'Channel access denied',
          detail: "Send X-Parley-Key: <the widget integration's public key>.",
        });
      await checkChannelAccess(deps, params.botId, req, res);
      const widget = await deps.integrations.get(params.botId, 'widget');
      const { title, greeting, primaryColor, position, language } = readChannelSettings(
        'widget',
        widget?.settings,
      );
      res.setHeader('Cache-Control', `private, max-age=${CONFIG_MAX_AGE_S}`);
      return { title, greeting, primaryColor, position, language };
    },
  });

  return router;
}

function etag(bundle: WidgetBundle): string {
  return `"${bundle.hash}"`;
}

function scriptHeaders(res: Response, bundle: WidgetBundle, immutable: boolean): void {
  res.type('application/javascript; charset=utf-8');
  res.setHeader('Cache-Control', immutable ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
  res.setHeader('ETag', etag(bundle));
  // Any page may embed the script (helmet's default would be same-origin).
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Access-Control-Allow-Origin', '*');
}

function reflectOrigin(req: Request, res: Response): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
}
