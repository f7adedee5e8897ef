import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { DuplicateKeyError, isDatabaseUnavailable, StoreValidationError } from '@parley/store';

const DATABASE_RETRY_AFTER_S = 2;
import type { OpenApiRegistry } from '../openapi/openapi-registry.js';
import { JsonTooDeepError } from './json-depth.js';
import { HttpProblem, sendProblem } from './problem.js';

/** The one place that maps errors to problem+json. A 500 never echoes internals. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (res.headersSent) return;
  const instance = req.originalUrl;
  if (error instanceof HttpProblem) {
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    return sendProblem(res, { ...error.problem, instance });
  }
  if (error instanceof JsonTooDeepError) {
    return sendProblem(res, {
      status: 400,
      code: 'JSON_TOO_DEEP',
      title: 'Body nests too deeply',
      detail: `${error.message}.`,
      instance,
    });
  }
  const invalid =
    error instanceof z.ZodError
      ? zodProblem(error)
      : error instanceof StoreValidationError
        ? HttpProblem.unprocessable(error.issues, error.message)
        : null;
  if (invalid) return sendProblem(res, { ...invalid.problem, instance });
  if (isDatabaseUnavailable(error)) {
    // Expected while the database restarts: not logged as a server error each time.
    req.log.warn({ err: error }, 'database unavailable');
    res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    return sendProblem(res, {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      title: 'Service unavailable',
      detail: 'The database does not answer right now; try again in a few seconds.',
      instance,
    });
  }
  if (error instanceof DuplicateKeyError) {
    return sendProblem(res, {
      status: 409,
      code: 'CONFLICT',
      title: 'Conflict',
      detail: `${Object.values(error.key).join('/')} already exists`,
      instance,
    });
  }
  const status = httpStatusOf(error);
  if (status && status >= 400 && status < 500) {
    // body-parser and friends: malformed JSON, body too large, unsupported charset …
    return sendProblem(res, {
      status,
      code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
      title: status === 413 ? 'Payload too large' : 'Bad request',
      detail:
        status === 413
          ? 'The request body is larger than allowed.'
          : 'The request could not be read.',
      instance,
    });
  }
  req.log.error({ err: error }, 'unhandled error');
  return sendProblem(res, {
    status: 500,
    code: 'INTERNAL',
    title: 'Internal server error',
    instance,
  });
};

/**
 * 400 when a request breaks its published schema; 422 when only refinements no JSON Schema can
 * express refused it (the shape was right), so a schema-valid request is never a 400.
 */
function zodProblem(error: z.ZodError): HttpProblem {
  const errors = error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
  return error.issues.every((issue) => issue.code === 'custom')
    ? HttpProblem.unprocessable(errors)
    : HttpProblem.invalid(errors);
}

/** 405 with `Allow` when the path exists with other methods, else 404. */
export function notFoundHandler(registry: Pick<OpenApiRegistry, 'methodsFor'>): RequestHandler {
  return (req, res) => {
    const allowed = registry.methodsFor(req.path);
    if (allowed.length > 0) {
      res.setHeader('Allow', [...allowed, 'OPTIONS'].join(', '));
      return sendProblem(res, {
        status: 405,
        code: 'METHOD_NOT_ALLOWED',
        title: 'Method not allowed',
        detail: `${req.method} is not allowed on ${req.path}; use ${allowed.join(' or ')}.`,
        instance: req.originalUrl,
      });
    }
    sendProblem(res, {
      status: 404,
      code: 'NOT_FOUND',
      title: 'Not found',
      detail: `No route for ${req.method} ${req.path}`,
      instance: req.originalUrl,
    });
  };
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  if (typeof status === 'number') return status;
  return typeof statusCode === 'number' ? statusCode : undefined;
}
