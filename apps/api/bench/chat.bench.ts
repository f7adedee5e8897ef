// Load benchmark of the REST chat channel against two references measured in the same run:
// a bare Express JSON endpoint (Node's floor) and a bare endpoint doing one `_id` lookup and one
// insert on the same database (the database's floor). Rounds alternate between the three at each
// concurrency; the load comes from another process, so CPU figures are the server's. Then chat
// latency at concurrency 1 as stored history grows (a growth curve, also written as SVG).
//
//   npm run bench:chat [-- --seconds 6 --rounds 2 --levels 1,16,100 --growth 0,10000,100000,1000000]
//   MONGODB_URI=mongodb://… npm run bench:chat        (any MongoDB instead of the embedded one)
import { AsyncLocalStorage } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import express from 'express';
import { MongoClient } from 'mongodb';
import { pino } from 'pino';
import { importBot, launchDevDatabase, type DevDatabase } from '@parley/store';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import {
  merge,
  percentile,
  printRows,
  writeGrowthChart,
  type GrowthPoint,
  type RoundResult,
  type Row,
} from './bench-report.js';
import { ORDERS_BOT, CONVERSATION } from './orders-bot.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    rounds: { type: 'string', default: '2' },
    levels: { type: 'string', default: '1,16,100' },
    growth: { type: 'string', default: '0,10000,100000,1000000' },
    'growth-seconds': { type: 'string', default: '6' },
    out: { type: 'string', default: path.join(here, 'results') },
  },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const LEVELS = values.levels.split(',').map(Number);
const GROWTH = values.growth ? values.growth.split(',').map(Number) : [];
const GROWTH_SECONDS = Number(values['growth-seconds']);
const HISTORY_THREADS = 10_000;
const run = promisify(execFile);

/** Commands counted for the request they ran in; the rest (pollers) are background. */
const requestScope = new AsyncLocalStorage<Record<string, number>>();
let counting: { perRequest: Record<string, number>; first: number[]; later: number[] } | null =
  null;

async function listen(app: http.RequestListener) {
  const server = http.createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** CPU seconds a process used so far (Linux /proc; null elsewhere or for a remote database). */
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function drive(
  url: string,
  concurrency: number,
  seconds: number,
  label: string,
  headers: Record<string, string> = {},
): Promise<RoundResult> {
  const job = { url, headers, conversation: CONVERSATION, concurrency, seconds, label };
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'load-client.ts'), JSON.stringify(job)],
    { maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return JSON.parse(stdout) as RoundResult;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  let devdb: DevDatabase | undefined;
  const remote = process.env.MONGODB_URI;
  const uri =
    remote ?? (devdb = await launchDevDatabase({ dataDir: path.join(dataDir, 'db') })).uri;
  const dbName = `parley_bench_${Date.now()}`;
  const config = loadConfig({
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    CHAT_RATE_LIMIT_PER_CLIENT: '100000000',
    CHAT_RATE_LIMIT_PER_THREAD: '100000000',
  });
  const deps = await createDeps(config, pino({ level: 'silent' }), { monitorCommands: true });
  deps.store.client.on('commandStarted', (event) => {
    const scope = requestScope.getStore();
    if (scope) scope[event.commandName] = (scope[event.commandName] ?? 0) + 1;
  });

  const orders = await listen((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ id: req.url?.split('/').pop(), status: 'shipped' }));
  });
  const floorClient = await MongoClient.connect(uri, { monitorCommands: true });
  const servers: Array<{ close(): Promise<void> }> = [orders];
  try {
    await deps.store.bots.create(
      { name: 'Bench', toolCalls: { allowPrivateNetworks: true } },
      'bench',
    );
    const file = JSON.parse(
      JSON.stringify({ format: 'parley', version: 1, ...ORDERS_BOT }).replace(
        'TOOL_URL',
        orders.url,
      ),
    );
    const imported = await importBot(deps.store, 'bench', file);
    if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported)}`);
    const started = await deps.training.start('bench');
    if (started.status !== 'queued')
      throw new Error(`training did not start: ${JSON.stringify(started)}`);
    await deps.training.idle();
    await deps.models.refresh();
    const key = (await deps.store.apiKeys.create({ name: 'bench', role: 'viewer' })).key;

    // Parley, with every database command counted for the request it served.
    const parleyApp = createApp(deps.app);
    const parley = await listen((req, res) => {
      const scope: Record<string, number> = {};
      res.on('finish', () => {
        if (!counting) return;
        const total = Object.values(scope).reduce((sum, n) => sum + n, 0);
        for (const [name, n] of Object.entries(scope))
          counting.perRequest[name] = (counting.perRequest[name] ?? 0) + n;
        (req.headers['x-bench-first'] ? counting.first : counting.later).push(total);
      });
      requestScope.run(scope, () => parleyApp(req, res));
    });
    const bare = express();
    bare.use(express.json());
    bare.post('/chat', (req, res) => {
      res.json({ messages: [{ text: `echo ${String((req.body as { text?: string }).text)}` }] });
    });
    const bareServer = await listen(bare);
    // The database floor: the least a chat message can do — read one document by _id, insert one.
    const floorDocs = floorClient.db(dbName).collection<{ _id: string; n: number }>('benchFloor');
    await floorDocs.insertMany(Array.from({ length: 1000 }, (_, n) => ({ _id: `seed-${n}`, n })));
    let floorSeq = 0;
    const floorCommands: Record<string, number> = {};
    floorClient.on('commandStarted', (event) => {
      if (counting) floorCommands[event.commandName] = (floorCommands[event.commandName] ?? 0) + 1;
    });
    const floor = express();
    floor.use(express.json());
    floor.post('/chat', async (req, res) => {
      const found = await floorDocs.findOne({ _id: `seed-${Math.floor(Math.random() * 1000)}` });
      await floorDocs.insertOne({ _id: `floor-${process.pid}-${floorSeq++}`, n: found?.n ?? 0 });
      res.json({ messages: [{ text: String((req.body as { text?: string }).text) }] });
    });
    const floorServer = await listen(floor);
    servers.push(parley, bareServer, floorServer);

    const endpoints: Array<{ name: string; url: string; headers: Record<string, string> }> = [
      {
        name: 'Parley chat',
        url: `${parley.url}/api/v1/bots/bench/chat`,
        headers: { Authorization: `Bearer ${key}` },
      },
      { name: 'database floor', url: `${floorServer.url}/chat`, headers: {} },
      { name: 'bare Express', url: `${bareServer.url}/chat`, headers: {} },
    ];
    // Warm-up: the model, the caches, the JIT.
    for (const endpoint of endpoints) await drive(endpoint.url, 4, 2, 'warm', endpoint.headers);

    const rows: Row[] = [];
    const split = { first: [] as number[], later: [] as number[] };
    for (const concurrency of LEVELS) {
      const totals = endpoints.map(() => ({
        results: [] as RoundResult[],
        cpu: 0,
        db: 0,
        commands: {} as Record<string, number>,
      }));
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [index, endpoint] of endpoints.entries()) {
          counting = { perRequest: {}, first: [], later: [] };
          for (const name of Object.keys(floorCommands)) delete floorCommands[name];
          const cpu0 = process.cpuUsage();
          const db0 = processCpuSeconds(devdb?.pid());
          const result = await drive(
            endpoint.url,
            concurrency,
            SECONDS,
            `c${concurrency}-r${round}-${index}`,
            endpoint.headers,
          );
          const cpu = process.cpuUsage(cpu0);
          const db1 = processCpuSeconds(devdb?.pid());
          const total = totals[index]!;
          total.results.push(result);
          total.cpu += (cpu.user + cpu.system) / 1000;
          total.db += db0 !== null && db1 !== null ? (db1 - db0) * 1000 : NaN;
          const counted = index === 0 ? counting.perRequest : index === 1 ? floorCommands : {};
          for (const [name, n] of Object.entries(counted))
            total.commands[name] = (total.commands[name] ?? 0) + n;
          if (index === 0 && concurrency === 1) {
            split.first.push(...counting.first);
            split.later.push(...counting.later);
          }
          counting = null;
        }
      }
      for (const [index, endpoint] of endpoints.entries()) {
        const total = totals[index]!;
        const merged = merge(total.results);
        const messages = merged.latencies.length;
        rows.push({
          endpoint: endpoint.name,
          concurrency,
          rate: messages / merged.seconds,
          p50: percentile(merged.latencies, 50),
          p99: percentile(merged.latencies, 99),
          errors: merged.errors,
          messages,
          nodeCpuMs: total.cpu / messages,
          dbCpuMs: devdb ? total.db / messages : null,
          commands: Object.fromEntries(
            Object.entries(total.commands).map(([name, n]) => [name, n / messages]),
          ),
        });
      }
    }

    const database = remote ? 'MONGODB_URI' : 'embedded FerretDB v1.24 (SQLite)';
    console.log(
      `\nbench:chat — ${database}; node ${process.version}; ${os.cpus().length} cores; ${ROUNDS} alternating rounds of ${SECONDS} s per endpoint and concurrency`,
    );
    console.log(
      `conversation on a fresh thread each time: ${CONVERSATION.map((t) => JSON.stringify(t)).join(' → ')} (slot filling, a tool call to a loopback server)\n`,
    );
    printRows(rows);
    console.log(
      '\n| conns | chat / database floor (msgs/s) | chat p99 / floor p99 | chat / bare Express (msgs/s) |',
    );
    console.log('| ---: | ---: | ---: | ---: |');
    for (const concurrency of LEVELS) {
      const of = (name: string) =>
        rows.find((r) => r.endpoint === name && r.concurrency === concurrency)!;
      const [chat, floorRow, bareRow] = [
        of('Parley chat'),
        of('database floor'),
        of('bare Express'),
      ];
      console.log(
        `| ${concurrency} | ${(chat.rate / floorRow.rate).toFixed(2)} | ${(chat.p99 / floorRow.p99).toFixed(2)} | ${(chat.rate / bareRow.rate).toFixed(3)} |`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / Math.max(xs.length, 1);
    console.log(
      `\ndatabase commands per message at concurrency 1: first message of a thread (cold) ${mean(split.first).toFixed(2)}, the others (warm) ${mean(split.later).toFixed(2)}, a whole ${CONVERSATION.length}-message conversation ${mean([...split.first, ...split.later]).toFixed(2)}`,
    );

    const growth: GrowthPoint[] = [];
    let stored = 0;
    for (const target of GROWTH) {
      stored = await prefill(deps.store.turns.append, stored, target);
      const result = await drive(
        endpoints[0]!.url,
        1,
        GROWTH_SECONDS,
        `growth-${target}`,
        endpoints[0]!.headers,
      );
      growth.push({
        storedTurns: target,
        p50: percentile(result.latencies, 50),
        p99: percentile(result.latencies, 99),
      });
    }
    if (growth.length > 0) {
      console.log('\n| stored turns (10k threads) | chat p50 ms | chat p99 ms |');
      console.log('| ---: | ---: | ---: |');
      for (const point of growth)
        console.log(
          `| ${point.storedTurns.toLocaleString('en')} | ${point.p50.toFixed(2)} | ${point.p99.toFixed(2)} |`,
        );
      const base = growth[0]!.p50;
      console.log(
        `p50 at the largest history is ${(((growth.at(-1)!.p50 - base) / base) * 100).toFixed(1)} % from the empty one`,
      );
    }
    const targets: Array<[string, boolean]> = [];
    const chatRow = (c: number) =>
      rows.find((r) => r.endpoint === 'Parley chat' && r.concurrency === c);
    const floorRow = (c: number) =>
      rows.find((r) => r.endpoint === 'database floor' && r.concurrency === c);
    if (growth.length > 1) {
      const change = Math.abs(growth.at(-1)!.p50 - growth[0]!.p50) / growth[0]!.p50;
      targets.push([
        `latency at 1 connection within 10 % from 0 to ${growth.at(-1)!.storedTurns.toLocaleString('en')} stored turns (${(change * 100).toFixed(1)} %)`,
        change <= 0.1 || growth.at(-1)!.p50 <= growth[0]!.p50,
      ]);
    }
    if (split.later.length > 0) {
      targets.push([
        `warm message ≤ 1.5 database commands (${mean(split.later).toFixed(2)})`,
        mean(split.later) <= 1.5,
      ]);
      targets.push([
        `cold message ≤ 3 database commands (${mean(split.first).toFixed(2)})`,
        mean(split.first) <= 3,
      ]);
    }
    for (const c of LEVELS) {
      const chat = chatRow(c)!;
      targets.push([
        `Node CPU ≤ 1.5 ms per message at ${c} (${chat.nodeCpuMs.toFixed(2)})`,
        chat.nodeCpuMs <= 1.5,
      ]);
      if (c < 16) continue;
      const floor = floorRow(c)!;
      targets.push([
        `throughput ≥ 60 % of the database floor at ${c} (${((chat.rate / floor.rate) * 100).toFixed(0)} %)`,
        chat.rate >= 0.6 * floor.rate,
      ]);
      targets.push([
        `p99 ≤ 3 × the floor's at ${c} (${(chat.p99 / floor.p99).toFixed(2)} ×)`,
        chat.p99 <= 3 * floor.p99,
      ]);
      targets.push([`no errors at ${c} (${chat.errors})`, chat.errors === 0]);
    }
    console.log('\ntargets:');
    for (const [what, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${what}`);
    mkdirSync(values.out, { recursive: true });
    writeFileSync(
      path.join(values.out, 'bench-chat.json'),
      JSON.stringify({ database, rows, split, growth }, null, 2),
    );
    if (growth.length > 1) writeGrowthChart(path.join(values.out, 'bench-chat-growth.svg'), growth);
    console.log(`\nresults: ${values.out}`);
  } finally {
    for (const server of servers) await server.close();
    await floorClient
      .db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await floorClient.close();
    await deps.close();
    await devdb?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Stores turns through the turn repository until `target`, spread over HISTORY_THREADS threads. */
async function prefill(
  append: (
    turn: Parameters<Awaited<ReturnType<typeof createDeps>>['store']['turns']['append']>[0],
  ) => Promise<void>,
  from: number,
  target: number,
): Promise<number> {
  const at = new Date();
  const started = performance.now();
  for (let next = from; next < target;) {
    const batch = Array.from({ length: Math.min(256, target - next) }, (_, i) => next + i);
    await Promise.all(
      batch.map((n) =>
        append({
          botId: 'bench',
          threadId: `history-${n % HISTORY_THREADS}`,
          seq: Math.floor(n / HISTORY_THREADS) + 1,
          at,
          channel: 'rest',
          userText: 'where is my order',
          intentId: 'order_status',
          fellBack: false,
          latencyMs: 5,
          messages: [{ text: 'What is your order number?' }],
        }),
      ),
    );
    next += batch.length;
  }
  if (target > from)
    console.error(
      `(stored ${(target - from).toLocaleString('en')} turns in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  return Math.max(from, target);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
