import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, retryAfterMs } from './backoff.js';

describe('backoffDelay', () => {
  it('doubles from half a second, between half and all of the ceiling', () => {
    assert.equal(
      backoffDelay(0, () => 0),
      250,
    );
    assert.equal(
      backoffDelay(0, () => 1),
      500,
    );
    assert.equal(
      backoffDelay(3, () => 0),
      2000,
    );
    assert.equal(
      backoffDelay(3, () => 1),
      4000,
    );
  });

  it('is capped at 30 s however many attempts failed', () => {
    assert.equal(
      backoffDelay(50, () => 1),
      30_000,
    );
    assert.equal(
      backoffDelay(50, () => 0),
      15_000,
    );
  });

  it('spreads visitors apart (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
    assert.ok(delays.size > 10);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(retryAfterMs('3'), 3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
  });

  it('ignores what it cannot read and bounds what it can', () => {
    assert.equal(retryAfterMs(null), null);
    assert.equal(retryAfterMs('soon'), null);
    assert.equal(retryAfterMs('999999'), 300_000);
  });
});
