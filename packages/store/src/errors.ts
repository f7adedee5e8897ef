/** A write would break a unique constraint (an intent id used twice in a bot, say). */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  constructor(
    readonly collection: string,
    readonly key: Record<string, unknown>,
  ) {
    super(`${collection}: ${JSON.stringify(key)} already exists`);
  }
}

/** A document or input failed validation; `issues` lists each problem with its path. */
export class StoreValidationError extends Error {
  override readonly name = 'StoreValidationError';
  constructor(
    message: string,
    readonly issues: ValidationIssue[],
  ) {
    super(message);
  }
}

export interface ValidationIssue {
  /** Where the problem is, e.g. `intents[2].trainingData[0].entities[1].end`. */
  path: string;
  message: string;
}

const DUPLICATE_KEY_CODE = 11000;
// FerretDB 1.x (SQLite) reports an update that breaks a unique index as an internal
// error carrying SQLite's message instead of code 11000.
const SQLITE_UNIQUE_VIOLATION = /UNIQUE constraint failed/;

export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === DUPLICATE_KEY_CODE ||
    (typeof message === 'string' && SQLITE_UNIQUE_VIOLATION.test(message))
  );
}

const UNAVAILABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/** Socket errors the driver lets through unwrapped when the server goes away mid-command. */
const SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);

/** True when the database could not be reached (down, restarting, network): worth a retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Error && UNAVAILABLE_ERRORS.has(current.name)) return true;
    const { code, stack } = current as { code?: unknown; stack?: unknown };
    if (
      typeof code === 'string' &&
      SOCKET_CODES.has(code) &&
      typeof stack === 'string' &&
      stack.includes('/mongodb/')
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
