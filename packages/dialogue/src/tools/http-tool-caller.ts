import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import axios, { type AxiosResponse } from 'axios';
import type { JsonValue } from '@parley/nlu';
import {
  BlockedAddressError,
  createGuardedLookup,
  isBlockedAddress,
  type Resolver,
} from './address-guard.js';

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;
const MAX_REQUEST_BYTES = 1024 * 1024;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A tool call with every template already rendered. */
export interface ToolRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body:
    { type: 'json'; value: JsonValue } | { type: 'form'; value: Array<[string, string]> } | null;
  /** Total time allowed, redirects included; 5 s when absent. */
  timeoutMs?: number;
  /** Loopback, private, link-local and metadata addresses are refused unless true. */
  allowPrivateNetworks: boolean;
}

export type ToolErrorCode =
  | 'INVALID_URL'
  | 'BLOCKED_ADDRESS'
  | 'TIMEOUT'
  | 'HTTP_STATUS'
  | 'INVALID_JSON'
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'CROSS_ORIGIN_REDIRECT'
  | 'NETWORK';

export type ToolResponse =
  | { ok: true; status: number; data: JsonValue; durationMs: number }
  | { ok: false; status: number | null; code: ToolErrorCode; message: string; durationMs: number };

/** Performs a rendered tool call. Never throws: every failure is a `ToolResponse` with `ok: false`. */
export interface ToolCaller {
  call(request: ToolRequest): Promise<ToolResponse>;
}

export interface HttpToolCallerOptions {
  maxResponseBytes?: number;
  /** Redirects followed per call, each one checked like the first request; 0 disables them. */
  maxRedirects?: number;
  /** DNS resolution used by the address guard (tests inject one). */
  resolve?: Resolver;
  /** Which addresses are refused; `isBlockedAddress` unless a test narrows it. */
  isBlocked?: (address: string) => boolean;
}

type Failure = Extract<ToolResponse, { ok: false }>;
class ToolCallFailure extends Error {
  constructor(
    readonly code: ToolErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The axios tool caller: only http/https, a total deadline, a response size limit, redirects
 * followed by hand so each hop is re-checked, environment proxies ignored, and — unless the
 * request allows private networks — every resolved address checked against private ranges
 * with the connection pinned to the checked address.
 *
 * @example
 * const caller = createHttpToolCaller();
 * const res = await caller.call({ method: 'GET', url: 'https://api.example.com/orders/42',
 *   headers: {}, body: null, allowPrivateNetworks: false });
 * if (res.ok) console.log(res.data);
 */
export function createHttpToolCaller(options: HttpToolCallerOptions = {}): ToolCaller {
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const isBlocked = options.isBlocked ?? isBlockedAddress;
  const lookup = createGuardedLookup(options.resolve, isBlocked);
  const guarded = { http: new http.Agent({ lookup }), https: new https.Agent({ lookup }) };
  const open = { http: new http.Agent(), https: new https.Agent() };

  async function send(
    request: ToolRequest,
    url: URL,
    method: HttpMethod,
    withBody: boolean,
    signal: AbortSignal,
  ) {
    const agents = request.allowPrivateNetworks ? open : guarded;
    const body = withBody ? request.body : null;
    return axios.request<string>({
      url: url.href,
      method,
      headers: { ...request.headers, ...contentType(body) },
      data: encodeBody(body),
      signal,
      timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: string) => data],
      proxy: false,
      maxContentLength: maxResponseBytes,
      maxBodyLength: MAX_REQUEST_BYTES,
      httpAgent: agents.http,
      httpsAgent: agents.https,
    });
  }

  async function follow(request: ToolRequest, signal: AbortSignal): Promise<AxiosResponse<string>> {
    let url = checkedUrl(request.url, request.allowPrivateNetworks, isBlocked);
    let method = request.method;
    let withBody = request.body !== null;
    let headers = request.headers;
    for (let hop = 0; ; hop += 1) {
      const response = await send({ ...request, headers }, url, method, withBody, signal);
      const location = response.headers.location as string | undefined;
      if (response.status < 300 || response.status > 399 || !location) return response;
      if (hop >= maxRedirects)
        throw new ToolCallFailure('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects`);
      const next = checkedUrl(new URL(location, url).href, request.allowPrivateNetworks, isBlocked);
      if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
        method = 'GET';
        withBody = false;
      }
      if (next.origin !== url.origin) {
        // A 307/308 would re-send the body, which may hold rendered secrets, to another origin.
        if (withBody)
          throw new ToolCallFailure(
            'CROSS_ORIGIN_REDIRECT',
            `refused to re-send the body to ${next.origin} (HTTP ${response.status} redirect)`,
            response.status,
          );
        // Headers may carry secrets: they are not sent to another origin.
        headers = {};
      }
      url = next;
    }
  }

  return {
    async call(request) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const signal = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      try {
        const response = await follow(request, signal);
        if (response.status < 200 || response.status > 299) {
          throw new ToolCallFailure('HTTP_STATUS', `HTTP ${response.status}`, response.status);
        }
        return {
          ok: true,
          status: response.status,
          data: parseJson(response.data, response.status),
          durationMs: elapsed(),
        };
      } catch (error) {
        return { ...classify(error, signal), durationMs: elapsed() };
      }
    },
  };
}

function checkedUrl(
  text: string,
  allowPrivateNetworks: boolean,
  isBlocked: (address: string) => boolean,
): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ToolCallFailure('INVALID_URL', `invalid URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ToolCallFailure(
      'INVALID_URL',
      `only http and https are allowed, not ${url.protocol}`,
    );
  }
  // Sockets skip the lookup for IP literals, so those are checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateNetworks && isIP(host) && isBlocked(host))
    throw new BlockedAddressError(host, host);
  return url;
}

function contentType(body: ToolRequest['body']): Record<string, string> {
  if (body?.type === 'json') return { 'content-type': 'application/json' };
  if (body?.type === 'form') return { 'content-type': 'application/x-www-form-urlencoded' };
  return {};
}

function encodeBody(body: ToolRequest['body']): string | undefined {
  if (body?.type === 'json') return JSON.stringify(body.value);
  if (body?.type === 'form') return new URLSearchParams(body.value).toString();
  return undefined;
}

function parseJson(text: string, status: number): JsonValue {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new ToolCallFailure('INVALID_JSON', 'the response is not valid JSON', status);
  }
}

function classify(error: unknown, signal: AbortSignal): Omit<Failure, 'durationMs'> {
  if (error instanceof ToolCallFailure) {
    return { ok: false, status: error.status, code: error.code, message: error.message };
  }
  const blocked = findCause(error, (e) => e instanceof BlockedAddressError);
  if (blocked)
    return { ok: false, status: null, code: 'BLOCKED_ADDRESS', message: blocked.message };
  const err = error as { code?: string; message?: string };
  if (signal.aborted || err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT') {
    return { ok: false, status: null, code: 'TIMEOUT', message: 'the tool call timed out' };
  }
  if (err.message?.includes('maxContentLength')) {
    return { ok: false, status: null, code: 'TOO_LARGE', message: 'the response is too large' };
  }
  return { ok: false, status: null, code: 'NETWORK', message: err.message ?? String(error) };
}

function findCause(error: unknown, test: (e: unknown) => boolean): Error | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (test(current)) return current as Error;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
