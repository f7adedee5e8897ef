import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectStore, launchDevDatabase, type DevDatabase } from '@parley/store';
import { startApiProcess } from '../../../api/src/test-support/api-process.js';
import { freePort } from '../../../api/src/test-support/free-port.js';

/** The real API (as `npm start` runs it) on the embedded database, with an admin key. */
export interface ParleyStack {
  apiUrl: string;
  /** JSON call to the admin API; throws on a non-2xx answer. */
  admin<T = unknown>(method: string, url: string, body?: unknown): Promise<T>;
  logs: string[];
  stop(): Promise<void>;
}

export async function startParleyStack(): Promise<ParleyStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-widget-e2e-'));
  let database: DevDatabase | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    database = await launchDevDatabase({ dataDir: path.join(dataDir, 'db') });
    uri = database.uri;
  }
  const dbName = `parley_widget_${randomBytes(4).toString('hex')}`;
  const api = await startApiProcess(
    {
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
      DATA_DIR: dataDir,
      MODEL_POLL_MS: '200',
      LOG_LEVEL: 'warn',
    },
    await freePort(),
  );
  const store = await connectStore({ uri, dbName });
  const auth = `Bearer ${(await store.apiKeys.create({ name: 'widget-e2e', role: 'admin' })).key}`;

  return {
    apiUrl: api.baseUrl,
    logs: api.logs,
    async admin<T>(method: string, url: string, body?: unknown): Promise<T> {
      const res = await fetch(`${api.baseUrl}/api/v1/admin${url}`, {
        method,
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    async stop() {
      await api.stop();
      await store.db.dropDatabase().catch(() => undefined);
      await store.close();
      await database?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Imports `bot` into the default bot, trains it and waits until the API answers with it. */
export async function importAndTrain(
  stack: ParleyStack,
  bot: object,
  probe: { text: string; intent: string },
): Promise<void> {
  await stack.admin('POST', '/bots/default/import?allowRemovals=true', bot);
  const { jobId } = await stack.admin<{ jobId: string }>('POST', '/bots/default/train', {});
  for (let i = 0; i < 1200; i++) {
    const job = await stack.admin<{ status: string; error?: string }>(
      'GET',
      `/bots/default/jobs/${jobId}`,
    );
    if (job.status === 'failed') throw new Error(`training failed: ${job.error}`);
    if (job.status === 'ready') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The API hot-loads the new model on its next poll.
  for (let i = 0; i < 200; i++) {
    const parsed = await stack.admin<{ source: string; intent: { name: string } | null }>(
      'POST',
      '/bots/default/parse',
      { text: probe.text },
    );
    if (parsed.source === 'local' && parsed.intent?.name === probe.intent) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the trained model never answered');
}
