import { splitMessage } from './split-message.js';

describe('splitMessage', () => {
  it('keeps a text within the limit whole', () => {
    expect(splitMessage('hello world', 20)).toEqual(['hello world']);
    expect(splitMessage('x'.repeat(2000))).toHaveLength(1);
  });

  it('splits at the last word boundary before the limit, losing no word', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
    const text = words.join(' ');
    expect(text.length).toBeGreaterThan(2000);
    const parts = splitMessage(text);
    expect(parts.length).toBe(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts.join(' ')).toBe(text);
    expect(parts[0]!.endsWith(' ')).toBe(false);
  });

  it('cuts a word longer than the limit, never inside a surrogate pair', () => {
    expect(splitMessage('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const emoji = '😀'.repeat(3); // six UTF-16 units
    const parts = splitMessage(`a${emoji}`, 4);
    expect(parts.join('')).toBe(`a${emoji}`);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4);
      expect(part).toBe(Array.from(part).join('')); // no lone surrogate
      expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
    }
  });

  it('treats newlines as word boundaries and returns nothing for blank text', () => {
    expect(splitMessage('line one\nline two', 10)).toEqual(['line one', 'line two']);
    expect(splitMessage('   ')).toEqual([]);
  });
});
