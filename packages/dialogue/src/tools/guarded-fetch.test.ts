import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isBlockedAddress } from './address-guard.js';
import { createGuardedFetch } from './guarded-fetch.js';

describe('createGuardedFetch', () => {
  let server: http.Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        hits.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(201, { 'content-type': 'application/json', 'x-two': ['a', 'b'] });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses loopback, metadata and names that resolve to private addresses', async () => {
    const guarded = createGuardedFetch({
      resolve: async () => [{ address: '10.1.2.3', family: 4 }],
    });
    await expect(guarded(`http://127.0.0.1:${port}/v1`)).rejects.toThrow(/refused to connect/);
    await expect(guarded('http://169.254.169.254/latest')).rejects.toThrow(/refused to connect/);
    await expect(guarded('http://llm.internal.test/v1')).rejects.toThrow(/refused to connect/);
    expect(hits).toEqual([]);
  });

  it('talks to an allowed address like fetch, body and headers included', async () => {
    // Loopback stands in for a public server: only it is allowed here.
    const guarded = createGuardedFetch({
      isBlocked: (address) => address !== '127.0.0.1' && isBlockedAddress(address),
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const res = await guarded(`http://llm.example.test:${port}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"q":1}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-two')).toBe('a, b');
    expect(await res.json()).toEqual({ ok: true });
    expect(hits).toEqual(['POST /v1/chat {"q":1}']);
  });
});
