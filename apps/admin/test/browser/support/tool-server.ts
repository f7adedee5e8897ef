import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A weather API on loopback for the bot's tool call: `/weather?city=Paris` → `{ sky: 'sunny' }`. */
export async function startToolServer(): Promise<ToolServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const city = new URL(req.url ?? '/', 'http://x').searchParams.get('city') ?? '';
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ city, sky: city ? 'sunny' : 'unknown', celsius: 21 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
