import { z } from 'zod';

interface RecordedRoute {
  method: string;
  path: string;
  summary: string;
  tag: string;
  role: string;
  credentials?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status?: number;
  response?: z.ZodType;
  errors?: number[];
  otherSuccess?: number[];
}

export interface OpenApiRegistry {
  add(basePath: string, route: RecordedRoute): void;
  /** The methods routes answer on a concrete path (`/api/v1/admin/bots/x`), upper case. */
  methodsFor(path: string): string[];
  /** Set in development and tests: every response is checked against its declared schema. */
  checkResponses: boolean;
  /** The OpenAPI 3.1 document of every route added so far. */
  document(info: { title: string; version: string }): Record<string, unknown>;
}

const PROBLEM = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable machine-readable error code (SCREAMING_SNAKE).' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: every invalid field is listed in `errors`.',
  401: 'No or invalid credentials.',
  403: 'The caller’s role does not allow this.',
  404: 'Not found.',
  409: 'Conflict with the current state.',
  405: 'Method not allowed on this path (see `Allow`).',
  413: 'Body (or a part of it, such as a chat context) too large.',
  415: 'The body is not JSON (send Content-Type: application/json).',
  422: 'Understood but not processable in the current state.',
  429: 'Too many requests (see `Retry-After`).',
  503: 'Unavailable for a moment (see `Retry-After`).',
};

/**
 * A zod schema as JSON Schema for the document. Recursive parts (JSON values) come out as
 * `$defs` referenced from the schema's own root; they move into `components.schemas`, whose
 * references resolve from anywhere in the document.
 */
function jsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, unknown>,
): Record<string, unknown> {
  const {
    $schema: _ignored,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown> & { $defs?: Record<string, unknown> };
  if (!$defs) return rest;
  const names = new Map<string, string>();
  for (const name of Object.keys($defs))
    names.set(name, `Def${Object.keys(components).length + names.size}`);
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) =>
        key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')
          ? [key, `#/components/schemas/${names.get(item.slice('#/$defs/'.length))}`]
          : [key, rewrite(item)],
      ),
    );
  };
  for (const [name, def] of Object.entries($defs)) components[names.get(name)!] = rewrite(def);
  return rewrite(rest) as Record<string, unknown>;
}

/** Collects routes as they are defined and renders them as OpenAPI 3.1. */
export function createOpenApiRegistry(options: { checkResponses?: boolean } = {}): OpenApiRegistry {
  const routes: Array<RecordedRoute & { fullPath: string; pattern: RegExp }> = [];

  return {
    checkResponses: options.checkResponses ?? false,

    add(basePath, route) {
      const full = basePath + route.path;
      routes.push({
        ...route,
        fullPath: full.replace(/:(\w+)/g, '{$1}'),
        pattern: new RegExp(
          `^${full.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`,
        ),
      });
    },

    methodsFor(path) {
      const methods = routes.filter((r) => r.pattern.test(path)).map((r) => r.method.toUpperCase());
      return [...new Set(methods)];
    },

    document(info) {
      const paths: Record<string, Record<string, unknown>> = {};
      const schemas: Record<string, unknown> = { Problem: PROBLEM };
      for (const route of routes) {
        const parameters: unknown[] = [];
        for (const [where, schema] of [
          ['path', route.params],
          ['query', route.query],
        ] as const) {
          if (!schema) continue;
          const json = jsonSchema(schema, 'input', schemas) as {
            properties?: Record<string, unknown>;
            required?: string[];
          };
          for (const [name, property] of Object.entries(json.properties ?? {})) {
            parameters.push({
              name,
              in: where,
              required: where === 'path' || (json.required ?? []).includes(name),
              schema: property,
            });
          }
        }
        const status = String(route.status ?? 200);
        const success = route.response
          ? {
              description: 'Success',
              content: {
                // As input: extra fields are allowed, as CHECK_RESPONSES (zod's strip) allows them.
                'application/json': { schema: jsonSchema(route.response, 'input', schemas) },
              },
            }
          : { description: 'Success' };
        const responses: Record<string, unknown> = Object.fromEntries(
          [status, ...(route.otherSuccess ?? []).map(String)].map((code) => [code, success]),
        );
        // 503: any route may meet the database restarting (DATABASE_UNAVAILABLE, Retry-After).
        const errors = new Set([
          400,
          ...(route.role === 'public' ? [] : [401, 403]),
          ...(route.body ? [413, 415] : []),
          // 422: the shape is right, a rule of the content is not (spans, templates, cursors).
          ...(route.body || route.query ? [422] : []),
          ...(route.errors ?? []),
          503,
        ]);
        for (const code of errors) {
          responses[String(code)] = {
            description: ERROR_TEXT[code] ?? 'Error',
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          };
        }
        // Node's HTTP parser refuses these before the app sees them, so the answer has no body.
        responses['431'] = {
          description: 'Request line and headers together over 16 KiB (Node’s limit); no body.',
        };
        paths[route.fullPath] ??= {};
        paths[route.fullPath]![route.method] = {
          summary: route.summary,
          tags: [route.tag],
          ...(route.role !== 'public' && {
            security: [{ bearer: [] }],
            'x-required-role': route.role,
          }),
          ...(route.credentials && {
            description: `Credentials: ${route.credentials}.`,
            'x-credentials': route.credentials,
          }),
          ...(parameters.length > 0 && { parameters }),
          ...(route.body && {
            requestBody: {
              // A body whose fields are all optional may be left out (it reads as {}).
              required: !route.body.safeParse({}).success,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input', schemas) } },
            },
          }),
          responses,
        };
      }
      return {
        openapi: '3.1.0',
        info,
        paths,
        components: {
          schemas,
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'An admin API key (pk_…) or a login token.',
            },
          },
        },
      };
    },
  };
}
