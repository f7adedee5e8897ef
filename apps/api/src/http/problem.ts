import type { Response } from 'express';

/** RFC 9457 problem details with a stable machine-readable `code`. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  /** Validation problems, one per field path. */
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://parley.dev/problems/';

export function sendProblem(res: Response, problem: Problem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ type: TYPE_BASE + problem.code.toLowerCase().replace(/_/g, '-'), ...problem });
}

/** An error a route throws to answer with a specific problem. */
export class HttpProblem extends Error {
  /** `headers`: sent with the problem, e.g. `Retry-After` on 429 and 503. */
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }

  static notFound(what: string): HttpProblem {
    return new HttpProblem({
      status: 404,
      code: 'NOT_FOUND',
      title: 'Not found',
      detail: `${what} does not exist`,
    });
  }

  /** 400 listing every invalid field, e.g. `{ path: 'body.trainingData.0.text', message }`. */
  static invalid(
    errors: Array<{ path: string; message: string }>,
    detail = 'One or more fields are invalid.',
  ): HttpProblem {
    return new HttpProblem({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid request',
      detail,
      errors,
    });
  }

  /**
   * 422 listing every field that has the right shape but breaks a rule no schema can say
   * (a span that does not read its value, a template that does not compile, an unknown
   * cursor): the request is understood, its content is refused.
   */
  static unprocessable(
    errors: Array<{ path: string; message: string }>,
    detail = 'One or more fields break a rule of their content.',
  ): HttpProblem {
    return new HttpProblem({
      status: 422,
      code: 'VALIDATION_FAILED',
      title: 'Invalid content',
      detail,
      errors,
    });
  }

  static conflict(detail: string): HttpProblem {
    return new HttpProblem({ status: 409, code: 'CONFLICT', title: 'Conflict', detail });
  }
}
