import { fromStorableKeys, toStorableKeys } from './safe-keys.js';

describe('toStorableKeys', () => {
  it.each([
    [{ 'a.b': 1 }],
    [{ $where: 'x', nested: { 'x.y.z': [{ $gt: 1 }] } }],
    [{ '~d': 'tilde then d', '~.': 'both', a$b: 'dollar inside' }],
    [{ grid: [[1, 2], [[]], []], '~a': ['looks like the wrapper'] }],
    [{ 'nul\u0000inside': 1, '~n': 'looks escaped' }],
  ])('round-trips %j without dots or leading dollars', (value) => {
    const stored = toStorableKeys(value);
    const keys = JSON.stringify(stored).match(/"[^"]*":/g) ?? [];
    expect(keys.every((key) => !key.includes('.') && !key.startsWith('"$'))).toBe(true);
    expect(fromStorableKeys(stored)).toEqual(value);
  });

  it('stores no array directly inside an array', () => {
    expect(JSON.stringify(toStorableKeys({ x: [[1], [[2]]] }))).not.toMatch(/\[\s*\[/);
  });
});
