import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeGraceful } from './server.js';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: new http.Agent({ keepAlive: true }) }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('makeGraceful', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const server = http.createServer((req, res) => {
      const delay = req.url === '/slow' ? 300 : 0;
      setTimeout(() => res.end(`done ${req.url}`), delay);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const graceful = makeGraceful(server);

    const inFlight = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shutdown = graceful.shutdown(5000);

    await expect(inFlight).resolves.toEqual({ status: 200, body: 'done /slow' });
    await shutdown;
    await expect(get(port, '/late')).rejects.toThrow(/ECONNREFUSED/);
  });
});
