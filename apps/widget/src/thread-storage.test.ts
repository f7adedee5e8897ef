import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createThreadStorage, parseRecord } from './thread-storage.js';

/** A Storage that behaves like the browser's: strings by key. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

const record = { threadId: 't1', threadToken: 'tok', seq: 2, pending: [{ id: 'c1', text: 'hi' }] };

describe('createThreadStorage', () => {
  it('keeps one record per bot in localStorage', () => {
    const local = memoryStorage();
    const a = createThreadStorage('a', () => local);
    const b = createThreadStorage('b', () => local);
    a.write(record);
    assert.equal(a.persistent, true);
    assert.deepEqual(createThreadStorage('a', () => local).read(), record);
    assert.equal(b.read(), null);
    assert.deepEqual([...local.map.keys()], ['parley:a']);
    a.write(null);
    assert.equal(a.read(), null);
  });

  it('falls back to memory when reading localStorage throws (blocked storage)', () => {
    const storage = createThreadStorage('a', () => {
      throw new DOMException('denied', 'SecurityError');
    });
    assert.equal(storage.persistent, false);
    storage.write(record);
    assert.deepEqual(storage.read(), record);
  });

  it('falls back to memory when writing throws (quota, private mode)', () => {
    const storage = createThreadStorage('a', () => ({
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    }));
    assert.equal(storage.persistent, false);
    storage.write(record);
    assert.deepEqual(storage.read(), record);
  });
});

describe('parseRecord', () => {
  it('ignores what the widget did not write', () => {
    assert.equal(parseRecord('not json'), null);
    assert.equal(parseRecord('{"threadId":1}'), null);
    assert.deepEqual(parseRecord('{"threadId":"t","threadToken":"k","pending":[{"id":1}]}'), {
      threadId: 't',
      threadToken: 'k',
      seq: 0,
      pending: [],
    });
  });
});
