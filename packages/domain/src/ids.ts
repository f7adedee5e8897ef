import { z } from 'zod';

/** Identifiers chosen by bot builders: safe in URLs, Mongo keys and templates. */
export const ZSlug = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[A-Za-z_][A-Za-z0-9_-]*$/,
    'must start with a letter or _ and use only letters, digits, _ and -',
  );

/** Entity type names: a slug, or a system entity such as `sys.number`. */
export const ZEntityName = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^(sys\.[a-z_]+|[A-Za-z_][A-Za-z0-9_-]*)$/,
    'must be a slug (letters, digits, _ and -) or a system entity such as sys.number',
  );
