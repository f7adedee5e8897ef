import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiProcess, type ApiProcess } from '../../../../api/src/test-support/api-process.ts';
import { freePort } from '../../../../api/src/test-support/free-port.ts';
import { ADMIN_DIR } from './paths.ts';

export interface Parley {
  api: ApiProcess;
  baseUrl: string;
  /** The first-run link the API printed. */
  setupUrl: string;
  /** Stops the API process (SIGTERM), as an outage would. */
  stopApi(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real API entry point, as `npm start` runs it: its own embedded database in a fresh data
 * directory (or MONGODB_URI's server), serving the admin build from apps/admin/dist.
 */
export async function startParley(): Promise<Parley> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-admin-browser-'));
  const port = await freePort();
  const api = await startApiProcess(
    {
      DATA_DIR: dataDir,
      ADMIN_DIST_DIR: path.join(ADMIN_DIR, 'dist'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MODEL_POLL_MS: '300',
      CHANGE_POLL_MS: '200',
      ...(process.env.MONGODB_URI && {
        MONGODB_DB: `parley_admin_browser_${Date.now().toString(36)}`,
      }),
    },
    port,
  );
  // The link is logged while the API starts; its line may arrive just after /readyz answers.
  let setupUrl: string | undefined;
  for (let waited = 0; !setupUrl && waited < 10_000; waited += 100) {
    const line = api.logs.find((entry) => entry.includes('First run'));
    setupUrl = line ? /create the first admin at (\S+?)(?:"|$)/.exec(line)?.[1] : undefined;
    if (!setupUrl) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!setupUrl) {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`the API printed no setup link:\n${api.logs.join('\n')}`);
  }
  let stopped = false;
  const stopApi = async () => {
    if (stopped) return;
    stopped = true;
    await api.stop();
  };
  return {
    api,
    baseUrl: api.baseUrl,
    setupUrl,
    stopApi,
    async stop() {
      await stopApi();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
