import http, { type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface GracefulServer {
  /** Stops accepting connections, waits for in-flight requests, then closes idle sockets. */
  shutdown(timeoutMs: number): Promise<void>;
  /** True once shutdown began. */
  draining(): boolean;
}

/**
 * An HTTP server that drains: once shutdown begins, requests already accepted finish, a new
 * request on a kept-alive connection is answered 503 with `Connection: close` (the load
 * balancer sends it elsewhere), idle connections close, and new connections are refused.
 */
export function createDrainingServer(handler: RequestListener): {
  server: Server;
  graceful: GracefulServer;
} {
  const server = http.createServer((req, res) => {
    if (!graceful.draining()) return handler(req, res);
    res.writeHead(503, {
      'Content-Type': 'application/problem+json',
      Connection: 'close',
      'Retry-After': '1',
    });
    res.end(
      JSON.stringify({
        type: 'https://parley.dev/problems/shutting-down',
        title: 'Shutting down',
        status: 503,
        code: 'SHUTTING_DOWN',
        detail: 'This instance is stopping; retry, another one will answer.',
      }),
    );
  });
  const graceful = makeGraceful(server);
  return { server, graceful };
}

/** A drained server waits this long without requests in flight before it stops listening. */
const SETTLE_MS = 100;

/**
 * Tracks in-flight requests per socket so shutdown can drain them without cutting any. While
 * draining the server keeps listening, so connections already queued get an answer (503 from
 * createDrainingServer) instead of a reset; once no request has been in flight for SETTLE_MS
 * it stops listening and closes what is left. After `timeoutMs` every socket is destroyed.
 */
export function makeGraceful(server: Server): GracefulServer {
  const active = new Map<Socket, number>();
  let inFlight = 0;
  let closing = false;
  let settled: (() => void) | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  const checkSettled = () => {
    if (!closing || inFlight > 0) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      if (inFlight === 0) settled?.();
    }, SETTLE_MS);
  };
  server.on('connection', (socket) => {
    active.set(socket, 0);
    socket.on('close', () => active.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      const left = (active.get(socket) ?? 1) - 1;
      active.set(socket, left);
      if (closing && left === 0) socket.end();
      checkSettled();
    });
  });

  return {
    draining: () => closing,
    shutdown(timeoutMs) {
      closing = true;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          for (const socket of active.keys()) socket.destroy();
          resolve();
        }, timeoutMs);
        timer.unref();
        settled = () => {
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          for (const [socket, requests] of active) if (requests === 0) socket.end();
        };
        checkSettled();
      });
    },
  };
}
