import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connectStore } from '@parley/store';
import { startApiProcess, type ApiProcess } from './test-support/api-process.js';
import { freePort } from './test-support/free-port.js';

/**
 * The process and its embedded database under faults: a busy port, SIGTERM under load, the
 * database killed under load, the API killed under load. Real processes, real HTTP.
 */
describe('the API process under faults', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-faults-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function adminKey(dir: string): Promise<string> {
    const uri = readFileSync(path.join(dir, 'devdb.uri'), 'utf8').trim();
    const store = await connectStore({ uri });
    try {
      return (await store.apiKeys.create({ name: 'faults', role: 'admin' })).key;
    } finally {
      await store.close();
    }
  }

  /** One chat request without keep-alive: its status, or the network error it met. */
  function chat(api: ApiProcess, key: string, body: object): Promise<number | string> {
    const payload = JSON.stringify(body);
    return new Promise((resolve) => {
      const req = http.request(
        `${api.baseUrl}/api/v1/bots/default/chat`,
        {
          method: 'POST',
          agent: false,
          headers: {
            Authorization: `Bearer ${key}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.setTimeout(15_000, () => req.destroy(new Error('TIMEOUT')));
      req.end(payload);
    });
  }

  it('says in one line that the port is in use, and leaves no database behind', async () => {
    const dir = dataDir();
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const failed = await startApiProcess({ MONGODB_URI: '', DATA_DIR: dir }, port).then(
        () => 'started',
        (error: Error) => error.message,
      );
      expect(failed).toMatch(/Port \d+ on 127\.0\.0\.1 is already in use: .* set PORT/);
      expect(failed).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
    // The data folder is free again: its embedded database stopped with the failed start.
    const next = await startApiProcess({ MONGODB_URI: '', DATA_DIR: dir }, await freePort());
    expect(await next.stop()).toBe(0);
  }, 90_000);

  it('drains on SIGTERM under load: every request in flight is answered, none is cut', async () => {
    const dir = dataDir();
    const api = await startApiProcess(
      { MONGODB_URI: '', DATA_DIR: dir, SHUTDOWN_TIMEOUT_MS: '15000' },
      await freePort(),
    );
    const key = await adminKey(dir);
    const outcomes: Array<number | string> = [];
    // 20 clients, as a load balancer would send them until it takes the instance out.
    let sending = true;
    const clients = Array.from({ length: 20 }, async (_, client) => {
      for (let n = 0; sending; n += 1)
        outcomes.push(await chat(api, key, { threadId: `drain-${client}`, text: `hello ${n}` }));
    });
    // Under way: some answers are in before SIGTERM (however loaded the machine is).
    for (let wait = 0; wait < 100 && outcomes.filter((o) => o === 200).length < 20; wait += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const exit = api.stop();
    sending = false;
    await Promise.all(clients);
    expect(await exit).toBe(0);
    expect(outcomes.filter((o) => o === 200).length).toBeGreaterThanOrEqual(20);
    // Every request that was in flight when SIGTERM came got its answer (or a 503 to retry).
    expect(outcomes.filter((o) => o !== 200 && o !== 503)).toEqual([]);
    expect(await chat(api, key, { threadId: 'late', text: 'hello' })).toBe('ECONNREFUSED');
  }, 90_000);

  it('answers 503 quickly while its embedded database is down, and recovers when it is back', async () => {
    const dir = dataDir();
    const api = await startApiProcess({ MONGODB_URI: '', DATA_DIR: dir }, await freePort());
    const key = await adminKey(dir);
    try {
      expect(await chat(api, key, { threadId: 'db', text: 'hello' })).toBe(200);
      const pid = Number(readFileSync(path.join(dir, 'devdb', 'parley-devdb.lock'), 'utf8'));
      process.kill(pid, 'SIGKILL');
      const during: Array<{ status: number | string; ms: number }> = [];
      const deadline = Date.now() + 20_000;
      let recovered = false;
      while (Date.now() < deadline) {
        const started = Date.now();
        const status = await chat(api, key, { threadId: 'db', text: 'hello' });
        during.push({ status, ms: Date.now() - started });
        if (status === 200 && during.length > 1) {
          recovered = true;
          break;
        }
      }
      expect(recovered).toBe(true);
      expect(during.filter((d) => d.status !== 200 && d.status !== 503)).toEqual([]);
      expect(Math.max(...during.map((d) => d.ms))).toBeLessThan(5000);
      // The restart is logged once the new server answers (the line may trail the first reply).
      const restarted = () =>
        api.logs.some((line) => line.includes('the embedded database died; started it again'));
      for (let wait = 0; wait < 30 && !restarted(); wait += 1)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(restarted()).toBe(true);
    } finally {
      await api.stop();
    }
  }, 90_000);

  it('loses and doubles no answered message when it is killed again and again under load', async () => {
    const dir = dataDir();
    const env = { MONGODB_URI: '', DATA_DIR: dir };
    let api = await startApiProcess(env, await freePort());
    const key = await adminKey(dir);
    const threads = Array.from({ length: 6 }, (_, t) => `kill-${t}`);
    const perThread = 12;
    const answered = new Set<string>();
    // Each client sends its messages in order, resending one (same id) until it is answered.
    const run = async (target: () => ApiProcess) =>
      Promise.all(
        threads.map(async (threadId) => {
          for (let n = 0; n < perThread; n += 1) {
            const id = `${threadId}-${n}`;
            if (answered.has(id)) continue;
            const status = await chat(target(), key, {
              threadId,
              text: `message ${n}`,
              clientMessageId: id,
            });
            if (status !== 200) return;
            answered.add(id);
          }
        }),
      );
    for (let round = 0; round < 3 && answered.size < threads.length * perThread; round += 1) {
      const load = run(() => api);
      await new Promise((resolve) => setTimeout(resolve, 400 + round * 200));
      api.kill('SIGKILL');
      await api.exited;
      await load;
      api = await startApiProcess(env, await freePort());
    }
    // The last instance stays up: every message is answered, retried where an answer failed.
    for (let pass = 0; pass < 5 && answered.size < threads.length * perThread; pass += 1)
      await run(() => api);
    expect(answered.size).toBe(threads.length * perThread);
    for (const threadId of threads) {
      const res = await fetch(
        `${api.baseUrl}/api/v1/admin/bots/default/threads/${threadId}?limit=1000`,
        {
          headers: { Authorization: `Bearer ${key}` },
        },
      );
      const turns = (
        (await res.json()) as { turns: Array<{ seq: number; clientMessageId: string }> }
      ).turns;
      expect(turns.map((turn) => turn.clientMessageId)).toEqual(
        Array.from({ length: perThread }, (_, n) => `${threadId}-${n}`),
      );
      expect(turns.map((turn) => turn.seq)).toEqual(
        Array.from({ length: perThread }, (_, i) => i + 1),
      );
    }
    await api.stop();
  }, 180_000);
});
