import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface GracefulServer {
  /** Stops accepting connections, waits for in-flight requests, then closes idle sockets. */
  shutdown(timeoutMs: number): Promise<void>;
}

/** Tracks in-flight requests per socket so shutdown can drain them without cutting any. */
export function makeGraceful(server: Server): GracefulServer {
  const active = new Map<Socket, number>();
  server.on('connection', (socket) => {
    active.set(socket, 0);
    socket.on('close', () => active.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    res.on('finish', () => {
      const left = (active.get(socket) ?? 1) - 1;
      active.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });
  let closing = false;

  return {
    shutdown(timeoutMs) {
      closing = true;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          for (const socket of active.keys()) socket.destroy();
          resolve();
        }, timeoutMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        for (const [socket, requests] of active) if (requests === 0) socket.end();
      });
    },
  };
}
