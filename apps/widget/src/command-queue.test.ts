import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { installCommandApi, type ParleyGlobal } from './command-queue.js';

describe('installCommandApi', () => {
  it('replays the calls the snippet queued before the script loaded, then runs new ones', () => {
    // What the embed snippet's stub does.
    const page: { Parley?: ParleyGlobal } = {};
    const stub: ParleyGlobal = function (...args: unknown[]) {
      (stub.q = stub.q || []).push(args);
    };
    page.Parley = stub;
    page.Parley('context', { username: 'Ann' });
    page.Parley('open');

    const ran: unknown[][] = [];
    installCommandApi(page, (command) => ran.push(command));
    assert.deepEqual(ran, [['context', { username: 'Ann' }], ['open']]);
    page.Parley('close');
    assert.deepEqual(ran.at(-1), ['close']);
    assert.notEqual(page.Parley, stub);
  });

  it('works without the stub', () => {
    const page: { Parley?: ParleyGlobal } = {};
    const ran: unknown[][] = [];
    installCommandApi(page, (command) => ran.push(command));
    page.Parley!('reset');
    assert.deepEqual(ran, [['reset']]);
  });
});
