import type { z } from 'zod';
import { ModelCorruptError } from '../errors.js';

export type NumericArray = Float32Array | Int32Array;

/**
 * What one component of a model (intent classifier, entity model, labeller) writes into a
 * model directory: a JSON part and named weight arrays, which `saveModel` packs into one
 * binary file. Each component names its arrays and reads its parts back itself, so a weight
 * added to one component touches that component's file only.
 */
export interface Persisted {
  json: unknown;
  /** Names are unique across the model (each component prefixes its own). */
  arrays: Record<string, NumericArray>;
}

/** A part of a model read with its schema: what does not fit is a corrupt model. */
export function readPart<T extends z.ZodType>(schema: T, json: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new ModelCorruptError(`${what} is malformed${where}: ${issue?.message}.`);
}

/** The weight arrays of a model directory, handed out by name and element type. */
export class StoredArrays {
  constructor(private readonly arrays: Readonly<Record<string, NumericArray>>) {}

  float32(name: string): Float32Array {
    const array = this.arrays[name];
    if (array instanceof Float32Array) return array;
    throw missing(name, 'float32');
  }

  int32(name: string): Int32Array {
    const array = this.arrays[name];
    if (array instanceof Int32Array) return array;
    throw missing(name, 'int32');
  }
}

function missing(name: string, dtype: string): ModelCorruptError {
  return new ModelCorruptError(`The model's weights have no ${dtype} array "${name}".`);
}

/** The arrays of several components in one record; a name two components use is a bug. */
export function mergeArrays(parts: readonly Persisted[]): Record<string, NumericArray> {
  const merged: Record<string, NumericArray> = {};
  for (const part of parts) {
    for (const [name, array] of Object.entries(part.arrays)) {
      if (name in merged) throw new Error(`Two model components write the array "${name}".`);
      merged[name] = array;
    }
  }
  return merged;
}
