import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { Principal, Role } from '../auth/principal.js';
import { requireRole } from '../auth/require-role.js';
import { HttpProblem } from './problem.js';
import type { OpenApiRegistry } from '../openapi/openapi-registry.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
  /** Who is calling; set on authenticated routes. */
  principal: Principal;
}

interface RouteSpecBase<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: Method;
  /** Express path relative to the router, e.g. `/bots/:botId`. */
  path: string;
  summary: string;
  tag: string;
  /** Least role needed; `public` needs no admin credentials. */
  role: Role | 'public';
  /** For public routes that check credentials of their own (chat channels): which ones. */
  credentials?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Other statuses this route answers with (documented as problem+json). */
  errors?: number[];
  /** Further success statuses answered with the same body (a skipped training is 200, not 202). */
  otherSuccess?: number[];
  handler: (ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>;
}

/**
 * A route: every answer but 204 declares its body schema — the document publishes it and
 * CHECK_RESPONSES holds every response to it.
 */
export type RouteSpec<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
> = RouteSpecBase<P, Q, B> &
  ({ status: 204; response?: undefined } | { status?: 200 | 201 | 202; response: z.ZodType });

const EMPTY = z.object({});

/**
 * Adds a route whose params, query and body are validated with zod (errors become one
 * problem+json listing every field path) and records it for the OpenAPI document.
 */
export function defineRoute<
  P extends z.ZodType = typeof EMPTY,
  Q extends z.ZodType = typeof EMPTY,
  B extends z.ZodType = typeof EMPTY,
>(router: Router, registry: OpenApiRegistry, basePath: string, spec: RouteSpec<P, Q, B>): void {
  registry.add(basePath, spec);
  const status = spec.status ?? 200;
  router[spec.method](
    spec.path,
    rememberRoute(spec.path),
    requireRole(spec.role),
    async (req: Request, res: Response) => {
      if (spec.body && hasBody(req) && !req.is(['application/json', 'application/*+json'])) {
        throw new HttpProblem({
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          title: 'Unsupported media type',
          detail: `Send the body as JSON with Content-Type: application/json (got ${req.get('content-type') ?? 'none'}).`,
        });
      }
      const params = (spec.params ?? EMPTY).parse(req.params);
      const query = (spec.query ?? EMPTY).parse(req.query);
      const body = spec.body ? parseBody(spec.body, req.body) : {};
      const result = await spec.handler({
        params,
        query,
        body,
        req,
        res,
        principal: res.locals.principal as Principal,
      } as RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>);
      if (res.headersSent) return;
      if (status === 204 || result === undefined) {
        res.status(status === 200 ? 204 : status).end();
        return;
      }
      if (registry.checkResponses && spec.response) checkResponse(spec, result);
      res.status(status).json(result);
    },
  );
}

/** Records the route template for metrics before anything can fail (401s count too). */
function rememberRoute(path: string) {
  return (req: Request, res: Response, next: () => void) => {
    // Remembered now: the base URL is gone by the time an error handler answers.
    res.locals.routeTemplate = `${req.baseUrl}${path}`;
    next();
  };
}

/** The response as JSON against its declared schema: a mismatch is a server bug, a 500. */
function checkResponse(
  spec: { method: string; path: string; response?: z.ZodType },
  result: unknown,
) {
  const parsed = spec.response!.safeParse(JSON.parse(JSON.stringify(result)));
  if (parsed.success) return;
  const where = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(
    `the response of ${spec.method.toUpperCase()} ${spec.path} does not match its schema: ${where.join('; ')}`,
  );
}

function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return (length !== undefined && length !== '0') || req.get('transfer-encoding') !== undefined;
}

function parseBody<B extends z.ZodType>(schema: B, body: unknown): z.infer<B> {
  // Prefix body issue paths so a client knows the field was in the body.
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new z.ZodError(
    parsed.error.issues.map((issue) => ({ ...issue, path: ['body', ...issue.path] })),
  );
}
