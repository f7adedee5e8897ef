import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the host page embeds: the widget snippet's attributes. */
export interface EmbedParams {
  scriptOrigin: string;
  apiUrl: string;
  key: string;
  botId?: string;
  /** A nonce the page's CSP allows for styles; given to the script tag too. */
  nonce?: string;
}

export interface HostPageServer {
  origin: string;
  /** The page's address for these embed parameters. */
  url(params: EmbedParams): string;
  close(): Promise<void>;
}

/**
 * A shop page on its own loopback origin, with a strict Content-Security-Policy (no inline
 * script or style) and CSS that attacks every element type the widget uses.
 */
export const HOSTILE_CSS = `
html { font-size: 40px; }
body { margin: 0; font-family: Georgia, serif; background: #fafaf5; }
* { box-sizing: content-box !important; letter-spacing: 3px !important; }
button { border-radius: 0 !important; background: red !important; color: yellow !important; padding: 30px !important; width: 300px !important; }
input { border: 6px solid lime !important; font-size: 40px !important; }
div, header, form, p, h2, a, svg { margin: 25px !important; color: magenta !important; }
[role="dialog"], [role="log"] { display: none !important; }
main { padding: 24px; max-width: 640px; }
`;

const STUB = `window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
Parley('context', { username: 'Ann' });
window.__parleyMessages = [];
Parley('on', 'message', function (message) { window.__parleyMessages.push(message); });
`;

export async function startHostPage(): Promise<HostPageServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/hostile.css') {
      res.setHeader('Content-Type', 'text/css');
      return res.end(HOSTILE_CSS);
    }
    if (url.pathname === '/stub.js') {
      res.setHeader('Content-Type', 'application/javascript');
      return res.end(STUB);
    }
    if (url.pathname === '/favicon.ico') {
      res.statusCode = 204;
      return res.end();
    }
    if (url.pathname !== '/') {
      res.statusCode = 404;
      return res.end();
    }
    const params = JSON.parse(url.searchParams.get('embed') ?? '{}') as EmbedParams;
    const nonce = params.nonce ? ` 'nonce-${params.nonce}'` : '';
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self' ${params.scriptOrigin}; style-src 'self'${nonce}; connect-src ${new URL(params.apiUrl).origin}`,
    );
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(page(params));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (params) => `${origin}/?embed=${encodeURIComponent(JSON.stringify(params))}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function page(params: EmbedParams): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const nonce = params.nonce ? ` nonce="${attr(params.nonce)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hostile shop</title>
<link rel="stylesheet" href="/hostile.css">
</head>
<body>
<main>
<h1>Hostile shop</h1>
<p>Everything on this page tries to break the chat widget: global button and input rules with !important, a 40 px root font size and a strict Content-Security-Policy.</p>
<button type="button" id="page-button">A page button</button>
</main>
<script src="/stub.js"></script>
<script src="${attr(params.scriptOrigin)}/widget.js" data-bot-id="${attr(params.botId ?? 'default')}" data-api-url="${attr(params.apiUrl)}" data-key="${attr(params.key)}"${nonce} async></script>
</body>
</html>`;
}
