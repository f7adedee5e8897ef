import http, { type Server } from 'node:http';
import express from 'express';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import type { Metrics } from './metrics/metrics.js';
import { serveMetrics } from './metrics/metrics-route.js';
import { ConfigError, loadConfig } from './config.js';
import { createDeps } from './deps.js';
import { createLogger } from './logger.js';
import { createDrainingServer } from './server.js';

/** A startup failure whose message says it all (no stack trace). */
class StartupError extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const deps = await createDeps(config, logger);
  const { server, graceful } = createDrainingServer(createApp(deps.app));
  try {
    await listenOn(server, config.port, config.host);
  } catch (error) {
    // Nothing is left behind: the embedded database and timers stop with the process.
    await deps.close().catch(() => undefined);
    throw error;
  }
  logger.info({ port: config.port, host: config.host }, 'Parley API listening');
  const metricsServer = config.metricsListen
    ? await listenForMetrics(deps.metrics, config.metricsListen, logger)
    : undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    metricsServer?.close();
    await graceful.shutdown(config.shutdownTimeoutMs);
    await deps.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function listenOn(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${port} on ${host} is already in use: stop what uses it, or set PORT to another port.`,
            )
          : error,
      ),
    );
    server.listen(port, host);
  });
}

/** `/metrics` without credentials on its own address, for a scraper on a private network. */
async function listenForMetrics(
  metrics: Metrics,
  listen: { port: number; host: string },
  logger: Logger,
): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', serveMetrics(metrics));
  const server = http.createServer(app);
  await listenOn(server, listen.port, listen.host);
  logger.info(listen, 'metrics listening');
  return server;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(error.message);
  } else {
    console.error('Parley failed to start:', error);
  }
  process.exit(1);
});
