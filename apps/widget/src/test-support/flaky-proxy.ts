import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  url: string;
  /** The next `count` chat messages reach the API, but their answers are dropped. */
  dropNextChatAnswers(count: number): void;
  /** Chat POSTs that went through, dropped or not. */
  chatPosts: number;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of the API that can lose the network mid-send: the request
 * reaches the API (a turn is recorded) and the connection is cut before the answer arrives,
 * as a phone changing cells does.
 */
export async function startFlakyProxy(target: string): Promise<FlakyProxy> {
  let drops = 0;
  const state = { chatPosts: 0 };
  const server = http.createServer((req, res) => {
    const isChat = req.method === 'POST' && /\/chat$/.test(req.url ?? '');
    if (isChat) state.chatPosts++;
    const drop = isChat && drops > 0;
    if (drop) drops--;
    const upstream = http.request(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
      (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropNextChatAnswers(count) {
      drops = count;
    },
    get chatPosts() {
      return state.chatPosts;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
