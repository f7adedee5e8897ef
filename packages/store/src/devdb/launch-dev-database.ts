import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

/** The binary built by packages/store/devdb/build.sh. */
export const DEV_DATABASE_BINARY = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../devdb/bin/parley-devdb',
);

export interface DevDatabase {
  /** mongodb:// URI of the running server (the same after an automatic restart). */
  uri: string;
  /** The server process id now (it changes when the server is restarted). */
  pid(): number | undefined;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period). Idempotent. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** Directory for the SQLite files; kept across restarts. */
  dataDir: string;
  /** TCP address; the default lets the OS pick a free port. */
  listen?: string;
  binary?: string;
  /**
   * SQLite's synchronous mode. `normal` (default): no fsync per write — a crash of any process
   * loses nothing, a power loss or OS crash may lose the last writes; `full`: an fsync per write
   * (about 4× fewer writes a second under load).
   */
  synchronous?: 'normal' | 'full';
  /** Told when the server died and was started again (or could not be). */
  onRestart?: (event: { code: number | null; signal: string | null; error?: Error }) => void;
}

/** A server that dies is started again after this pause, growing up to MAX_RESTART_DELAY_MS. */
const RESTART_DELAY_MS = 200;
const MAX_RESTART_DELAY_MS = 5_000;

export class DevDatabaseError extends Error {
  override readonly name = 'DevDatabaseError';
}

/**
 * Starts Parley's embedded development database (FerretDB with SQLite storage) and
 * resolves once it answers `ping`.
 *
 * @example
 * const db = await launchDevDatabase({ dataDir: '.data/devdb' });
 * process.env.MONGODB_URI = db.uri;
 * // …
 * await db.stop();
 */
export async function launchDevDatabase(options: LaunchOptions): Promise<DevDatabase> {
  const binary = options.binary ?? DEV_DATABASE_BINARY;
  if (!existsSync(binary)) {
    throw new DevDatabaseError(
      `The embedded development database is not built (${binary} is missing). ` +
        'Run `npm run devdb:build` (needs Go), or set MONGODB_URI to use a MongoDB server.',
    );
  }
  const flags = ['-data', options.dataDir, '-synchronous', options.synchronous ?? 'normal'];
  const first = await start(binary, options.listen ?? '127.0.0.1:0', flags);
  const { uri } = first;
  // Restarts keep the address, so clients reconnect by themselves.
  const address = new URL(uri).host;
  let child = first.child;
  let stopping = false;

  /** Starts the server again until it runs (or the database is being stopped). */
  async function restart(code: number | null, signal: string | null): Promise<void> {
    for (
      let delay = RESTART_DELAY_MS;
      !stopping;
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS)
    ) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (stopping) return;
      try {
        const started = (await start(binary, address, flags)).child;
        if (stopping) return void (await stopChild(started));
        child = started;
        options.onRestart?.({ code, signal });
        watch(child);
        return;
      } catch (error) {
        options.onRestart?.({ code, signal, error: error as Error });
      }
    }
  }
  const watch = (watched: ChildProcess) =>
    watched.once('exit', (code, signal) => {
      if (!stopping) void restart(code, signal);
    });
  watch(child);

  return {
    uri,
    pid: () => child.pid,
    stop: once(() => {
      stopping = true;
      return stopChild(child);
    }),
  };
}

/** Starts one server process and waits until it answers; stops it again on failure. */
async function start(
  binary: string,
  listen: string,
  flags: string[],
): Promise<{ uri: string; child: ChildProcess }> {
  // stdin stays open as a lifeline: the server exits when this process dies, however it dies.
  const child = spawn(binary, ['-listen', listen, ...flags, '-watch-stdin'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    const uri = await readUri(child, () => stderr);
    await waitForPing(uri);
    return { uri, child };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function readUri(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DevDatabaseError(`parley-devdb did not start in time. ${stderr()}`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const parsed = JSON.parse(line) as { uri?: unknown };
        if (typeof parsed.uri !== 'string') throw new Error('no uri');
        resolve(parsed.uri);
      } catch {
        reject(new DevDatabaseError(`parley-devdb printed an unexpected line: ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new DevDatabaseError(`parley-devdb exited with code ${code}: ${stderr()}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new DevDatabaseError(`parley-devdb could not start: ${error.message}`));
    });
  });
}

async function waitForPing(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: START_TIMEOUT_MS });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}
