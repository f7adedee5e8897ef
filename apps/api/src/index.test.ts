import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiProcess } from './test-support/api-process.js';
import { freePort } from './test-support/free-port.js';

describe('the API process with the embedded database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /readyz, stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    // MONGODB_URI empty: the process starts its own embedded database under DATA_DIR.
    const env = { MONGODB_URI: '', DATA_DIR: dataDir };
    const first = await startApiProcess(env, await freePort());
    expect(first.logs.some((line) => line.includes('seeded the default bot'))).toBe(true);
    // No user yet: the log carries the one-time link that creates the first admin.
    const setupUrl = /"setupUrl":"([^"]+)"/.exec(first.logs.join('\n'))?.[1];
    expect(setupUrl).toMatch(/^http:\/\/localhost:\d+\/admin\/setup#token=[\w-]{20,}$/);
    expect(await first.stop()).toBe(0);

    const metricsPort = await freePort();
    const second = await startApiProcess(
      { ...env, METRICS_PORT: String(metricsPort) },
      await freePort(),
    );
    const ready = await fetch(`${second.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    // METRICS_PORT: a listener of its own without credentials; the API port still wants them.
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(await scraped.text()).toContain('parley_http_requests_total');
    expect((await fetch(`${second.baseUrl}/metrics`)).status).toBe(401);
    // The default bot from the first run is still there, so nothing is seeded again.
    expect(second.logs.some((line) => line.includes('seeded the default bot'))).toBe(false);
    expect(await second.stop()).toBe(0);
  }, 120_000);

  it('refuses to start with a bad setting, naming the variable', async () => {
    await expect(startApiProcess({ PORT: 'abc' }, 1)).rejects.toThrow(/PORT/);
  }, 30_000);
});
