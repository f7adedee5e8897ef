import { StringTable } from './string-table.js';

describe('StringTable', () => {
  it('numbers distinct words in order of first occurrence and finds each', () => {
    const { table, numbers } = StringTable.intern(['rome', 'paris', 'rome', '', 'zürich', '東京']);
    expect([...numbers]).toEqual([0, 1, 0, 2, 3, 4]);
    expect(table.size).toBe(5);
    expect(['rome', 'paris', '', 'zürich', '東京'].map((w) => table.indexOf(w))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(table.at(3)).toBe('zürich');
  });

  it('does not find prefixes, extensions or other words', () => {
    const { table } = StringTable.intern(['paris', 'rome']);
    expect(['pari', 'parisx', 'Paris', 'rom', 'berlin'].map((w) => table.indexOf(w))).toEqual([
      -1, -1, -1, -1, -1,
    ]);
  });

  it('answers like a Map for many words, colliding slots included', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${(i * 7919) % 5000}`);
    const map = new Map<string, number>();
    for (const w of words) if (!map.has(w)) map.set(w, map.size);
    const { table } = StringTable.intern(words);
    expect(table.size).toBe(map.size);
    for (const [w, i] of map) expect(table.indexOf(w)).toBe(i);
    expect(table.indexOf('w5000')).toBe(-1);
  });
});
