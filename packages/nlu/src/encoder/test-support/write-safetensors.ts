/** A safetensors file from named float32 tensors (and optional raw ones), for tests. */
export function safetensorsBytes(
  tensors: Record<string, { shape: number[]; data: Float32Array }>,
  raw: Record<string, { dtype: string; shape: number[]; bytes: Uint8Array }> = {},
): Buffer {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  const chunks: Buffer[] = [];
  let offset = 0;
  const add = (name: string, dtype: string, shape: number[], bytes: Uint8Array) => {
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes.byteLength] };
    chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    offset += bytes.byteLength;
  };
  for (const [name, t] of Object.entries(tensors)) {
    add(name, 'F32', t.shape, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }
  for (const [name, t] of Object.entries(raw)) add(name, t.dtype, t.shape, t.bytes);
  // Padded with spaces to a multiple of 8, as the reference writer does.
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((json.length + 8) % 8)) % 8);
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([length, Buffer.from(json), ...chunks]);
}
