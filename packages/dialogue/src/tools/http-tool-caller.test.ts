import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isBlockedAddress } from './address-guard.js';
import { createHttpToolCaller, type ToolRequest } from './http-tool-caller.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
let port: number;
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req.url ?? '/', body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

function route(
  url: string,
  body: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  const json = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  const path = url.split('?')[0];
  if (path === '/echo')
    return json(200, { method: req.method, url, body, auth: req.headers.authorization ?? null });
  if (path === '/slow') return void setTimeout(() => json(200, { late: true }), 1000);
  if (path === '/fail') return json(503, { error: 'down' });
  if (path === '/html') return void res.end('<html>not json</html>');
  if (path === '/empty') return void res.writeHead(204).end();
  if (path === '/big') return json(200, { data: 'x'.repeat(5000) });
  if (path === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":"');
    for (let i = 0; i < 50; i += 1) res.write('y'.repeat(100));
    return void res.end('"}');
  }
  if (path === '/redirect') {
    const params = new URL(`http://x${url}`).searchParams;
    res.writeHead(Number(params.get('status') ?? 302), { location: params.get('to') ?? '/echo' });
    return void res.end();
  }
  if (path === '/see-other') {
    res.writeHead(303, { location: '/echo' });
    return void res.end();
  }
  if (path === '/loop') {
    res.writeHead(302, { location: '/loop' });
    return void res.end();
  }
  json(404, { error: 'no route' });
}

function request(overrides: Partial<ToolRequest>): ToolRequest {
  return {
    method: 'GET',
    url: `${base}/echo`,
    headers: {},
    body: null,
    allowPrivateNetworks: true,
    ...overrides,
  };
}

describe('createHttpToolCaller', () => {
  const caller = createHttpToolCaller({ maxResponseBytes: 2000 });

  it('returns the parsed JSON of a successful call with headers and a JSON body', async () => {
    const res = await caller.call(
      request({
        method: 'POST',
        url: `${base}/echo?q=1`,
        headers: { authorization: 'Bearer s3cret' },
        body: { type: 'json', value: { a: 'b' } },
      }),
    );
    expect(res).toMatchObject({
      ok: true,
      status: 200,
      data: { method: 'POST', url: '/echo?q=1', body: '{"a":"b"}', auth: 'Bearer s3cret' },
    });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('sends form parameters url-encoded', async () => {
    const res = await caller.call(
      request({
        method: 'POST',
        body: {
          type: 'form',
          value: [
            ['city', 'São Paulo'],
            ['n', '1&2'],
          ],
        },
      }),
    );
    expect(res).toMatchObject({ ok: true, data: { body: 'city=S%C3%A3o+Paulo&n=1%262' } });
  });

  it('treats an empty 204 response as a null result', async () => {
    expect(await caller.call(request({ url: `${base}/empty` }))).toMatchObject({
      ok: true,
      status: 204,
      data: null,
    });
  });

  it('fails with TIMEOUT when the server is too slow', async () => {
    const res = await caller.call(request({ url: `${base}/slow`, timeoutMs: 150 }));
    expect(res).toMatchObject({ ok: false, code: 'TIMEOUT', status: null });
    if (!res.ok) expect(res.durationMs).toBeLessThan(900);
  });

  it('fails with HTTP_STATUS on a non-2xx answer', async () => {
    expect(await caller.call(request({ url: `${base}/fail` }))).toMatchObject({
      ok: false,
      code: 'HTTP_STATUS',
      status: 503,
    });
  });

  it('fails with INVALID_JSON when the body is not JSON', async () => {
    expect(await caller.call(request({ url: `${base}/html` }))).toMatchObject({
      ok: false,
      code: 'INVALID_JSON',
      status: 200,
    });
  });

  it.each(['/big', '/big-chunked'])(
    'fails with TOO_LARGE past the response limit (%s)',
    async (path) => {
      expect(await caller.call(request({ url: `${base}${path}` }))).toMatchObject({
        ok: false,
        code: 'TOO_LARGE',
      });
    },
  );

  it.each(['ftp://127.0.0.1/x', 'file:///etc/passwd', 'not a url'])(
    'refuses %s as INVALID_URL',
    async (url) => {
      expect(await caller.call(request({ url }))).toMatchObject({ ok: false, code: 'INVALID_URL' });
    },
  );

  it('follows a 303 redirect as a GET without the body', async () => {
    const res = await caller.call(
      request({
        method: 'POST',
        url: `${base}/see-other`,
        body: { type: 'json', value: { a: 1 } },
      }),
    );
    expect(res).toMatchObject({ ok: true, data: { method: 'GET', body: '' } });
  });

  it.each([307, 308])(
    'follows a same-origin %i with the body, and refuses one to another origin',
    async (status) => {
      const post = (to: string) =>
        caller.call(
          request({
            method: 'POST',
            url: `${base}/redirect?status=${status}&to=${encodeURIComponent(to)}`,
            body: { type: 'json', value: { secret: 'k-123456' } },
          }),
        );
      expect(await post('/echo')).toMatchObject({
        ok: true,
        data: { method: 'POST', body: '{"secret":"k-123456"}' },
      });
      seen.length = 0;
      expect(await post(`http://localhost:${port}/echo`)).toMatchObject({
        ok: false,
        code: 'CROSS_ORIGIN_REDIRECT',
      });
      expect(seen.map((s) => s.url)).toEqual([expect.stringMatching(/^\/redirect/)]);
    },
  );

  it('stops after too many redirects', async () => {
    expect(await caller.call(request({ url: `${base}/loop` }))).toMatchObject({
      ok: false,
      code: 'TOO_MANY_REDIRECTS',
    });
  });

  describe('when private networks are not allowed', () => {
    it.each([
      ['loopback literal', () => `http://127.0.0.1:${port}/echo`],
      ['localhost, after DNS resolution', () => `http://localhost:${port}/echo`],
      ['IPv6 loopback', () => `http://[::1]:${port}/echo`],
      ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port}/echo`],
      ['decimal-encoded loopback', () => `http://2130706433:${port}/echo`],
      ['a 10.x address', () => 'http://10.0.0.1/'],
      ['the metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ])('refuses %s', async (_label, url) => {
      const res = await caller.call(
        request({ url: url(), allowPrivateNetworks: false, timeoutMs: 2000 }),
      );
      expect(res).toMatchObject({ ok: false, code: 'BLOCKED_ADDRESS' });
      expect(seen).toHaveLength(0);
    });

    it('refuses a host whose DNS answer is private', async () => {
      const resolving = createHttpToolCaller({
        resolve: async () => [{ address: '10.20.30.40', family: 4 }],
      });
      const res = await resolving.call(
        request({ url: 'http://internal.example.test/', allowPrivateNetworks: false }),
      );
      expect(res).toMatchObject({ ok: false, code: 'BLOCKED_ADDRESS' });
    });

    // Loopback stands in for a public server here: only it is allowed, so each redirect hop's check shows.
    const loopbackIsPublic = createHttpToolCaller({
      isBlocked: (address) => address !== '127.0.0.1' && isBlockedAddress(address),
      resolve: async (host) => [
        { address: host === 'private.test' ? '192.168.1.10' : '127.0.0.1', family: 4 },
      ],
    });

    it('follows a redirect to an allowed address', async () => {
      const res = await loopbackIsPublic.call(
        request({ url: `${base}/redirect?to=/echo`, allowPrivateNetworks: false }),
      );
      expect(res).toMatchObject({ ok: true, data: { url: '/echo' } });
    });

    it.each([
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://private.test/',
    ])('refuses a redirect to %s', async (to) => {
      const res = await loopbackIsPublic.call(
        request({
          url: `${base}/redirect?to=${encodeURIComponent(to)}`,
          allowPrivateNetworks: false,
        }),
      );
      expect(res).toMatchObject({ ok: false, code: 'BLOCKED_ADDRESS' });
      expect(seen).toHaveLength(1);
    });

    it('drops headers when a redirect leaves the origin', async () => {
      const to = `http://localhost:${port}/echo`;
      const res = await loopbackIsPublic.call(
        request({
          url: `${base}/redirect?to=${encodeURIComponent(to)}`,
          headers: { authorization: 'Bearer s3cret' },
          allowPrivateNetworks: false,
        }),
      );
      expect(res).toMatchObject({ ok: true, data: { auth: null } });
    });
  });
});
