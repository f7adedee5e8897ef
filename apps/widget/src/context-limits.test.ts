import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextBytes, contextProblem } from './context-limits.js';

describe('contextProblem', () => {
  it('accepts a small page context', () => {
    assert.equal(contextProblem({ username: 'Ann', cart: { items: 2, tags: ['a', 'b'] } }), null);
  });

  it('measures the size as UTF-8 JSON, as the API does', () => {
    assert.equal(contextBytes({ a: 'é' }), 10);
  });

  it('refuses what the API would refuse: depth, key count, non-objects', () => {
    assert.match(contextProblem({ a: { b: { c: { d: { e: { f: 1 } } } } } })!, /deeper than 5/);
    assert.equal(contextProblem({ a: { b: { c: { d: { e: 1 } } } } }), null);
    assert.match(
      contextProblem(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])))!,
      /51 keys/,
    );
    assert.match(contextProblem(['a'])!, /plain object/);
    assert.match(contextProblem(null)!, /plain object/);
  });
});
