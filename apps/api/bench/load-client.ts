// The load generator of bench:chat, in its own process so the server's CPU figures are its
// own. It reads one job as JSON from argv, runs it, and prints one JSON line of results.
import http from 'node:http';

interface Job {
  url: string;
  headers: Record<string, string>;
  /** Messages of one conversation, sent in order on a fresh thread; `{{n}}` is the thread number. */
  conversation: string[];
  concurrency: number;
  seconds: number;
  label: string;
}

const job = JSON.parse(process.argv[2]!) as Job;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

function post(body: unknown, first: boolean): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      job.url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...job.headers,
          // Tells the server which messages start a thread (cold) for its command counts.
          ...(first && { 'X-Bench-First': '1' }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

async function main() {
  const latencies: number[] = [];
  const firstLatencies: number[] = [];
  let errors = 0;
  let thread = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < deadline) {
        const threadId = `${job.label}-${process.pid}-${thread++}`;
        for (const [index, text] of job.conversation.entries()) {
          const t0 = performance.now();
          const status = await post({ threadId, text }, index === 0);
          const ms = performance.now() - t0;
          latencies.push(ms);
          if (index === 0) firstLatencies.push(ms);
          if (status !== 200) errors += 1;
        }
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ latencies, firstLatencies, errors, seconds })}\n`);
}

void main();
