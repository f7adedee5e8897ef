import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import {
  BlockedAddressError,
  createGuardedLookup,
  isBlockedAddress,
  type Resolver,
} from './address-guard.js';

export interface GuardedFetchOptions {
  resolve?: Resolver;
  isBlocked?: (address: string) => boolean;
}

/**
 * A `fetch` for outbound calls that must not reach private networks (the LLM endpoint of a bot):
 * every resolved address is checked as tool calls are, the socket is pinned to the checked
 * address, and redirects are not followed. Bodies are buffered: for JSON APIs, not streams.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const isBlocked = options.isBlocked ?? isBlockedAddress;
  const lookup = createGuardedLookup(options.resolve, isBlocked);
  const agents = {
    'http:': new http.Agent({ lookup, keepAlive: true }),
    'https:': new https.Agent({ lookup, keepAlive: true }),
  };

  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError(`only http and https are allowed, not ${url.protocol}`);
    // Sockets skip the lookup for IP literals, so those are checked here.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && isBlocked(host)) throw new BlockedAddressError(host, host);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = send(
        url,
        {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          agent: agents[url.protocol as 'http:' | 'https:'],
          signal: request.signal,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers))
              for (const item of [value ?? []].flat()) headers.append(name, item);
            const status = incoming.statusCode ?? 502;
            const empty = status === 204 || status === 304 || request.method === 'HEAD';
            resolve(
              new Response(empty ? null : Buffer.concat(chunks), {
                status,
                statusText: incoming.statusMessage ?? '',
                headers,
              }),
            );
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
