// Load benchmark of the REST chat channel: realistic multi-turn conversations over many
// threads (greeting → question → slot prompt → slot answer with a tool call → thanks), after
// a warm-up, against the full stack (embedded database, trained model, dialogue, tool calls).
// A bare Express endpoint runs in the same process and the same way, so the ratio is the figure.
//
//   npm run bench:chat [-- --seconds 10 --concurrency 16]
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
  },
});
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const CONCURRENCY = Number(values.concurrency);

const ORDERS_BOT = {
  intents: [
    {
      intentId: 'greet',
      name: 'Greet',
      responses: ['Hi! How can I help?'],
      trainingData: ['hi', 'hello', 'hey there', 'good morning', 'hello bot', 'hiya'].map(
        (text) => ({ text }),
      ),
    },
    {
      intentId: 'thanks',
      name: 'Thanks',
      responses: ["You're welcome!"],
      trainingData: [
        'thanks',
        'thank you',
        'thanks a lot',
        'cheers',
        'much appreciated',
        'great thanks',
      ].map((text) => ({ text })),
    },
    {
      intentId: 'order_status',
      name: 'Order status',
      responses: ['Order {{parameters.order_number}} is {{result.status}}.'],
      parameters: [
        { name: 'order_number', entity: 'order_number', prompt: 'What is your order number?' },
      ],
      toolCall: { method: 'GET', url: 'TOOL_URL/orders/{{parameters.order_number}}' },
      trainingData: [
        'where is my order',
        'track my order',
        'order status please',
        'what is the status of my order',
        'has my order shipped',
        'where is order ORD-1234',
        'track order ORD-9876',
        'status of ORD-5555',
      ].map((text) => {
        const match = /ORD-\d+/.exec(text);
        return {
          text,
          entities: match
            ? [
                {
                  name: 'order_number',
                  value: match[0],
                  begin: match.index,
                  end: match.index + match[0].length,
                },
              ]
            : [],
        };
      }),
    },
    {
      intentId: 'cancel',
      name: 'Cancel',
      responses: ['Ok, cancelled.'],
      trainingData: ['cancel', 'stop', 'never mind', 'forget it'].map((text) => ({ text })),
    },
    { intentId: 'fallback', name: 'Fallback', responses: ["Sorry, I didn't get that."] },
  ],
  entities: [{ name: 'order_number', patterns: ['ORD-\\d{4}'] }],
};

const CONVERSATION = ['hello', 'where is my order', 'it is ORD-4242', 'thanks'];

async function listen(app: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Result {
  messages: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

/** CONCURRENCY virtual users, each running conversations on fresh threads until time is up. */
async function drive(
  send: (threadId: string, text: string) => Promise<boolean>,
  seconds: number,
  label: string,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  let thread = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, user) => {
      while (performance.now() < deadline) {
        const threadId = `${label}-${user}-${thread++}`;
        for (const text of CONVERSATION) {
          const t0 = performance.now();
          const ok = await send(threadId, text);
          latencies.push(performance.now() - t0);
          if (!ok) errors++;
        }
      }
    }),
  );
  return {
    messages: latencies.length,
    errors,
    latencies,
    seconds: (performance.now() - started) / 1000,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function row(name: string, result: Result) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    name,
    rate: result.messages / result.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    messages: result.messages,
    errors: result.errors,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(payload),
            ...headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  // The order service the tool call reaches, on loopback.
  const orders = await listen((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ id: req.url?.split('/').pop(), status: 'shipped' }));
  });

  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CHAT_RATE_LIMIT_PER_CLIENT: '100000000',
    CHAT_RATE_LIMIT_PER_THREAD: '100000000',
    ...(process.env.MONGODB_URI && { MONGODB_DB: `parley_bench_${Date.now()}` }),
  });
  const deps = await createDeps(config, pino({ level: 'silent' }));
  try {
    const bot = await deps.store.bots.create(
      { name: 'Bench', toolCalls: { allowPrivateNetworks: true } },
      'bench',
    );
    const { importBot } = await import('@parley/store');
    const file = JSON.parse(
      JSON.stringify({ format: 'parley', version: 1, ...ORDERS_BOT }).replace(
        'TOOL_URL',
        orders.url,
      ),
    );
    const imported = await importBot(deps.store, bot.id, file);
    if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported)}`);
    const started = await deps.training.start(bot.id);
    if (started.status !== 'queued')
      throw new Error(`training did not start: ${JSON.stringify(started)}`);
    await deps.training.idle();
    const key = (await deps.store.apiKeys.create({ name: 'bench', role: 'viewer' })).key;
    const parley = await listen(createApp(deps.app));

    const bare = express();
    bare.use(express.json());
    bare.post('/chat', (req, res) => {
      res.json({
        messages: [{ text: `echo ${String((req.body as { text?: string }).text)}` }],
        intent: null,
        entities: [],
        complete: true,
        missingParameters: [],
      });
    });
    const bareServer = await listen(bare);

    const parleySend = async (threadId: string, text: string) =>
      (await post(
        `${parley.url}/api/v1/bots/bench/chat`,
        { threadId, text },
        { Authorization: `Bearer ${key}` },
      )) === 200;
    const bareSend = async (threadId: string, text: string) =>
      (await post(`${bareServer.url}/chat`, { threadId, text })) === 200;

    await drive(parleySend, WARMUP, 'warm');
    await drive(bareSend, WARMUP, 'warm');
    const parleyResult = row('parley REST chat', await drive(parleySend, SECONDS, 'run'));
    const bareResult = row('bare Express', await drive(bareSend, SECONDS, 'run'));

    console.log(
      `\nbench:chat — ${CONCURRENCY} concurrent users, ${SECONDS}s after ${WARMUP}s warm-up, ${CONVERSATION.length}-turn conversations with a tool call`,
    );
    console.log(
      `database: ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'embedded FerretDB (SQLite)'}; node ${process.version}; ${os.cpus().length} cores\n`,
    );
    console.log('| endpoint | messages/s | p50 ms | p99 ms | messages | errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const r of [parleyResult, bareResult]) {
      console.log(
        `| ${r.name} | ${r.rate.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.messages} | ${r.errors} |`,
      );
    }
    console.log(`\nparley / bare throughput: ${(parleyResult.rate / bareResult.rate).toFixed(3)}`);
    await parley.close();
    await bareServer.close();
  } finally {
    agent.destroy();
    await orders.close();
    await deps.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
