/** A failed API call, in the words of the problem+json body (RFC 9457) the API answered with. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    /** Field problems (`body.name`, `trainingData.0.entities.1.value` …). */
    readonly fieldErrors: Array<{ path: string; message: string }> = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** No answer at all: the API is down or unreachable. */
  static network(url: string, cause: unknown): ApiError {
    return new ApiError(
      0,
      'NETWORK',
      'Cannot reach the Parley API',
      `No answer from ${url} (${cause instanceof Error ? cause.message : String(cause)}). Check that the API is running, then try again.`,
    );
  }

  /** Reads a problem+json body, or describes a response that is not one. */
  static async fromResponse(res: Response): Promise<ApiError> {
    const text = await res.text().catch(() => '');
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const list = Array.isArray(body.errors)
      ? body.errors.flatMap((item: unknown) => {
          const entry = item as { path?: unknown; message?: unknown };
          return typeof entry?.message === 'string'
            ? [{ path: String(entry.path ?? ''), message: entry.message }]
            : [];
        })
      : [];
    const { type: _t, title, status: _s, code, detail, errors: _e, instance: _i, ...extra } = body;
    return new ApiError(
      res.status,
      str(code) ?? `HTTP_${res.status}`,
      str(title) ?? `The API answered ${res.status} ${res.statusText}`.trim(),
      str(detail),
      list,
      extra,
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
