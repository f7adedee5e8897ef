// Latency, throughput, memory and size of the installed sentence encoder:
//   npm run build -w @parley/nlu && node packages/nlu/dist/encoder/measure-sentence-encoder.js DIR [--count 10000]
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadSentenceEncoder } from './load-sentence-encoder.js';

const SHORT = 'book a flight to paris';
const LONG =
  'I would like to book a flight from Paris to New York next Tuesday morning, preferably a ' +
  'direct one with a window seat and extra legroom, can you help';
const SUBJECTS = ['my order', 'the alarm', 'a table for two', 'the lights', 'my flight', 'a taxi'];
const VERBS = ['cancel', 'set', 'book', 'turn off', 'check', 'change', 'remind me about'];
const TAILS = ['', ' tomorrow', ' at 7 pm please', ' for next friday', ' in the kitchen', ' now'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? await sizeOf(file) : (await stat(file)).size;
  }
  return total;
}

async function main(): Promise<void> {
  const [dir, flag, value] = process.argv.slice(2);
  if (!dir) throw new Error('usage: measure-sentence-encoder DIR [--count N]');
  const count = flag === '--count' ? Number(value) : 10_000;
  const loadStart = performance.now();
  const encoder = await loadSentenceEncoder(dir);
  console.log(`${encoder.id}: loaded in ${(performance.now() - loadStart).toFixed(0)} ms`);
  console.log(
    `size on disk ${mb(await sizeOf(dir))}, RSS after load ${mb(process.memoryUsage().rss)}`,
  );
  for (const [name, text] of [
    ['short (5 words)', SHORT],
    ['long (30 words)', LONG],
  ] as const) {
    // Each message differs (a number at its end), so none is answered from the encoder's cache.
    for (let i = 0; i < 20; i += 1) encoder.encode([`${text} ${-i}`]);
    const wall: number[] = [];
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < 300; i += 1) {
      const start = performance.now();
      encoder.encode([`${text} ${i}`]);
      wall.push(performance.now() - start);
    }
    const cpu = process.cpuUsage(cpuStart);
    wall.sort((a, b) => a - b);
    console.log(
      `${name}: p50 ${percentile(wall, 0.5).toFixed(2)} ms, p99 ${percentile(wall, 0.99).toFixed(2)} ms, ` +
        `CPU ${((cpu.user + cpu.system) / 1000 / 300).toFixed(2)} ms per message`,
    );
  }
  const texts = Array.from({ length: count }, (_, i) => {
    const verb = VERBS[i % VERBS.length]!;
    const subject = SUBJECTS[Math.floor(i / VERBS.length) % SUBJECTS.length]!;
    return `${verb} ${subject}${TAILS[i % TAILS.length]} ${i}`;
  });
  const batchStart = performance.now();
  encoder.encode(texts);
  const seconds = (performance.now() - batchStart) / 1000;
  console.log(
    `${count} utterances in one encode call: ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s)`,
  );
  const againStart = performance.now();
  encoder.encode(texts.slice(-5000));
  console.log(`the last 5000 again (cached): ${(performance.now() - againStart).toFixed(0)} ms`);
  console.log(
    `RSS now ${mb(process.memoryUsage().rss)}, peak ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
