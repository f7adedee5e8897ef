import { z } from 'zod';
import { ModelCorruptError } from '../errors.js';
import type { NumericArray } from '../util/persisted.js';

/** Where one named array lies in the packed buffer. */
export const ZArrayEntry = z.object({
  dtype: z.enum(['float32', 'int32']),
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
});
export type ArrayEntry = z.infer<typeof ZArrayEntry>;

/** Packs named typed arrays into one little-endian buffer plus an index (stored in JSON). */
export function packArrays(arrays: Record<string, NumericArray>): {
  buffer: Buffer;
  index: Record<string, ArrayEntry>;
} {
  const index: Record<string, ArrayEntry> = {};
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const name of Object.keys(arrays).sort()) {
    const a = arrays[name]!;
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    index[name] = {
      dtype: a instanceof Float32Array ? 'float32' : 'int32',
      offset,
      length: a.length,
    };
    chunks.push(bytes);
    offset += bytes.length;
  }
  return { buffer: Buffer.concat(chunks), index };
}

/** The arrays `packArrays` packed; an entry past the end of the buffer is a corrupt model. */
export function unpackArrays(
  buffer: Buffer,
  index: Record<string, ArrayEntry>,
): Record<string, NumericArray> {
  const out: Record<string, NumericArray> = {};
  for (const [name, e] of Object.entries(index)) {
    const bytes = e.length * 4;
    if (e.offset + bytes > buffer.length)
      throw new ModelCorruptError(`Weights file is truncated at "${name}".`);
    // Copy into an aligned buffer: a Buffer slice may not start on a 4-byte boundary.
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(buffer.subarray(e.offset, e.offset + bytes));
    out[name] = e.dtype === 'float32' ? new Float32Array(copy) : new Int32Array(copy);
  }
  return out;
}
