import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Failure, Result } from './api-client.js';
import { deliver, type SendState } from './deliver.js';

const http = (status: number, retryAfterMs: number | null = null): Failure => ({
  kind: 'http',
  status,
  code: `HTTP_${status}`,
  detail: '',
  retryAfterMs,
});

/** Runs deliver over a scripted series of answers, recording what the visitor would see. */
async function run(answers: Array<Result<string>>, online = true) {
  const sleeps: number[] = [];
  const states: SendState[] = [];
  let waitedOnline = 0;
  let sent = 0;
  const result = await deliver<string>({
    send: async () => answers[sent++]!,
    onState: (state) => states.push(state),
    sleep: async (ms) => void sleeps.push(ms),
    isOnline: () => online,
    waitOnline: async () => void waitedOnline++,
    alive: () => true,
    random: () => 0.5,
  });
  return { result, sleeps, states, waitedOnline, sent };
}

const fail = (failure: Failure): Result<string> => ({ ok: false, failure });
const ok: Result<string> = { ok: true, value: 'reply' };

describe('deliver', () => {
  it('retries network failures with growing delays and says it is reconnecting', async () => {
    const r = await run([
      fail({ kind: 'network' }),
      fail({ kind: 'network' }),
      fail(http(502)),
      ok,
    ]);
    assert.deepEqual(r.result, ok);
    assert.deepEqual(r.sleeps, [375, 750, 1500]);
    assert.deepEqual(r.states, ['sending', 'reconnecting', 'reconnecting', 'reconnecting']);
  });

  it('waits for Retry-After on 429 and 503', async () => {
    const r = await run([fail(http(429, 7000)), fail(http(503, 2000)), ok]);
    assert.deepEqual(r.sleeps, [7000, 2000]);
    assert.equal(r.result.ok, true);
  });

  it('waits for the online event when the browser is offline', async () => {
    const r = await run([fail({ kind: 'network' }), ok], false);
    assert.equal(r.waitedOnline, 1);
    assert.deepEqual(r.sleeps, []);
    assert.deepEqual(r.states, ['sending', 'offline']);
  });

  it('gives up at once on a refusal that a retry cannot fix', async () => {
    for (const status of [400, 401, 403, 404, 413]) {
      const r = await run([fail(http(status)), ok]);
      assert.equal(r.sent, 1);
      assert.equal(r.result.ok, false);
    }
  });

  it('stops when the conversation was replaced meanwhile', async () => {
    let alive = true;
    const result = await deliver<string>({
      send: async () => fail({ kind: 'network' }),
      onState: () => undefined,
      sleep: async () => {
        alive = false;
      },
      isOnline: () => true,
      waitOnline: async () => undefined,
      alive: () => alive,
    });
    assert.deepEqual(result, { ok: false, failure: { kind: 'cancelled' } });
  });
});
