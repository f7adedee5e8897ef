import { readSafetensors } from './safetensors.js';
import { safetensorsBytes } from './test-support/write-safetensors.js';

const halves = (...bits: number[]) => new Uint8Array(new Uint16Array(bits).buffer);

describe('readSafetensors', () => {
  it('reads float32 tensors with their shapes and skips integer ones', () => {
    const bytes = safetensorsBytes(
      { 'a.weight': { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) } },
      { position_ids: { dtype: 'I64', shape: [1, 2], bytes: new Uint8Array(16) } },
    );
    const tensors = readSafetensors(bytes);
    expect([...tensors.keys()]).toEqual(['a.weight']);
    expect(tensors.get('a.weight')?.shape).toEqual([2, 3]);
    expect(Array.from(tensors.get('a.weight')!.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('widens float16 and bfloat16 to float32', () => {
    const bytes = safetensorsBytes(
      {},
      {
        half: { dtype: 'F16', shape: [4], bytes: halves(0x3c00, 0xc000, 0x3800, 0x0001) },
        brain: { dtype: 'BF16', shape: [2], bytes: halves(0x3f80, 0xc040) },
      },
    );
    const tensors = readSafetensors(bytes);
    expect(Array.from(tensors.get('half')!.data)).toEqual([1, -2, 0.5, Math.fround(2 ** -24)]);
    expect(Array.from(tensors.get('brain')!.data)).toEqual([1, -3]);
  });

  it('says what is wrong with a file cut short or inconsistent', () => {
    const good = safetensorsBytes({ w: { shape: [4], data: new Float32Array(4) } });
    expect(() => readSafetensors(good.subarray(0, 5))).toThrow(/8-byte header/);
    expect(() => readSafetensors(good.subarray(0, 20))).toThrow(/JSON header/);
    expect(() => readSafetensors(good.subarray(0, good.length - 4))).toThrow(/w: its byte range/);
    const wrongShape = safetensorsBytes(
      {},
      { w: { dtype: 'F32', shape: [5], bytes: new Uint8Array(16) } },
    );
    expect(() => readSafetensors(wrongShape)).toThrow(/w: its byte range does not hold a 5 tensor/);
    const odd = safetensorsBytes({}, { w: { dtype: 'C64', shape: [1], bytes: new Uint8Array(8) } });
    expect(() => readSafetensors(odd)).toThrow(/unsupported dtype C64/);
  });
});
