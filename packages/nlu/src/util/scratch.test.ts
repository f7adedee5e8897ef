import { grown } from './scratch.js';

describe('grown', () => {
  it('keeps an array that is long enough and replaces a short one with a longer one of its type', () => {
    const a = new Int32Array(8);
    expect(grown(a, 8)).toBe(a);
    const b = grown(new Float64Array(2), 5);
    expect(b).toBeInstanceOf(Float64Array);
    expect(b.length).toBeGreaterThanOrEqual(5);
  });
});
