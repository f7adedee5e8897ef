import { z } from 'zod';

/** A float tensor read from a safetensors file, widened to float32. */
export interface FloatTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

const ZTensorEntry = z.object({
  dtype: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  data_offsets: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
});
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const BYTES_PER_ELEMENT: Record<string, number> = { F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4 };

/**
 * Reads the float tensors of a safetensors file (an 8-byte little-endian header length, a JSON
 * header naming each tensor's dtype, shape and byte range, then the raw little-endian data).
 * F16 and BF16 are widened to float32; integer tensors (BERT's `position_ids`) are skipped.
 * Throws an `Error` saying what is wrong with a file that is cut short or inconsistent.
 */
export function readSafetensors(bytes: Uint8Array): Map<string, FloatTensor> {
  if (bytes.byteLength < 8) throw new Error('shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (8 + headerLength > bytes.byteLength) throw new Error('cut short inside its JSON header');
  const header: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)));
  const entries = z.record(z.string(), z.unknown()).parse(header);
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, FloatTensor>();
  for (const [name, raw] of Object.entries(entries)) {
    if (name === '__metadata__') continue;
    const entry = ZTensorEntry.parse(raw);
    const [begin, end] = entry.data_offsets;
    const size = entry.shape.reduce((a, b) => a * b, 1);
    const width = BYTES_PER_ELEMENT[entry.dtype];
    if (width === undefined) throw new Error(`${name}: unsupported dtype ${entry.dtype}`);
    if (end - begin !== size * width || dataStart + end > bytes.byteLength) {
      throw new Error(`${name}: its byte range does not hold a ${entry.shape.join('×')} tensor`);
    }
    if (entry.dtype === 'I64' || entry.dtype === 'I32') continue;
    const data = decodeFloats(bytes.subarray(dataStart + begin, dataStart + end), entry.dtype);
    tensors.set(name, { shape: entry.shape, data });
  }
  return tensors;
}

function decodeFloats(raw: Uint8Array, dtype: string): Float32Array {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  // Little-endian hosts (all of Node's) read aligned float32 data in place, without a copy.
  if (dtype === 'F32' && LITTLE_ENDIAN && raw.byteOffset % 4 === 0) {
    return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  }
  if (dtype === 'F32' && LITTLE_ENDIAN) return new Float32Array(new Uint8Array(raw).buffer);
  if (dtype === 'F32') {
    const out = new Float32Array(raw.byteLength / 4);
    for (let i = 0; i < out.length; i += 1) out[i] = view.getFloat32(i * 4, true);
    return out;
  }
  const out = new Float32Array(raw.byteLength / 2);
  for (let i = 0; i < out.length; i += 1) {
    const half = view.getUint16(i * 2, true);
    out[i] = dtype === 'BF16' ? bf16ToFloat(half) : f16ToFloat(half);
  }
  return out;
}

const widen = new DataView(new ArrayBuffer(4));

function bf16ToFloat(bits: number): number {
  widen.setUint32(0, bits << 16);
  return widen.getFloat32(0);
}

/** IEEE 754 half precision → number (subnormals, infinities and NaN included). */
export function f16ToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
