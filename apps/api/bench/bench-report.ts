// Figures and their printing for bench:chat: percentiles, the markdown tables, the SVG chart.
import { writeFileSync } from 'node:fs';

export interface RoundResult {
  latencies: number[];
  firstLatencies: number[];
  errors: number;
  seconds: number;
}

export interface Row {
  endpoint: string;
  concurrency: number;
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  messages: number;
  /** Server-process CPU per request, ms (the load generator runs in another process). */
  nodeCpuMs: number;
  /** Database-process CPU per request, ms (embedded database only). */
  dbCpuMs: number | null;
  /** Database commands per request, by command name. */
  commands: Record<string, number>;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function merge(results: RoundResult[]): RoundResult {
  return {
    latencies: results.flatMap((r) => r.latencies),
    firstLatencies: results.flatMap((r) => r.firstLatencies),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
  };
}

const fixed = (value: number | null, digits = 2) =>
  value === null || Number.isNaN(value) ? '–' : value.toFixed(digits);

export function printRows(rows: Row[]): void {
  console.log(
    '| endpoint | conns | msgs/s | p50 ms | p99 ms | errors | Node CPU ms/msg | DB CPU ms/msg | DB commands/msg |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const total = Object.values(row.commands).reduce((sum, n) => sum + n, 0);
    const kinds = Object.entries(row.commands)
      .filter(([, n]) => n >= 0.005)
      .map(([name, n]) => `${name} ${n.toFixed(2)}`)
      .join(', ');
    console.log(
      `| ${row.endpoint} | ${row.concurrency} | ${row.rate.toFixed(1)} | ${fixed(row.p50)} | ${fixed(row.p99)} | ${row.errors} | ${fixed(row.nodeCpuMs)} | ${fixed(row.dbCpuMs)} | ${total.toFixed(2)}${kinds ? ` (${kinds})` : ''} |`,
    );
  }
}

export interface GrowthPoint {
  storedTurns: number;
  p50: number;
  p99: number;
}

/** A small line chart of chat latency against stored turns (log scale), as SVG. */
export function writeGrowthChart(file: string, points: GrowthPoint[]): void {
  const width = 560;
  const height = 260;
  const left = 56;
  const bottom = 40;
  const top = 20;
  const right = 20;
  const xs = points.map((p) => Math.log10(Math.max(p.storedTurns, 1)));
  const maxY = Math.max(...points.map((p) => p.p99), 1) * 1.15;
  const x = (v: number) =>
    left +
    ((v - Math.min(...xs)) / Math.max(Math.max(...xs) - Math.min(...xs), 1)) *
      (width - left - right);
  const y = (v: number) => height - bottom - (v / maxY) * (height - bottom - top);
  const line = (key: 'p50' | 'p99') =>
    points
      .map((p, i) => `${i ? 'L' : 'M'}${x(xs[i]!).toFixed(1)},${y(p[key]).toFixed(1)}`)
      .join(' ');
  const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
  const ticks = points
    .map(
      (p, i) =>
        `<text x="${x(xs[i]!).toFixed(1)}" y="${height - bottom + 18}" text-anchor="middle">${label(p.storedTurns)}</text>`,
    )
    .join('');
  const yTicks = [0, maxY / 2, maxY]
    .map((v) => `<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui,sans-serif" font-size="12">
<title>Chat latency at concurrency 1 against stored turns</title>
<rect width="100%" height="100%" fill="#fff"/>
<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#999"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#999"/>
${ticks}${yTicks}
<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle">stored turns (10k threads)</text>
<text x="14" y="${(top + height - bottom) / 2}" transform="rotate(-90 14 ${(top + height - bottom) / 2})" text-anchor="middle">ms per message</text>
<path d="${line('p99')}" fill="none" stroke="#d9480f" stroke-width="2"/>
<path d="${line('p50')}" fill="none" stroke="#1f6feb" stroke-width="2"/>
<text x="${width - right - 90}" y="${top + 10}" fill="#1f6feb">p50</text>
<text x="${width - right - 50}" y="${top + 10}" fill="#d9480f">p99</text>
</svg>
`;
  writeFileSync(file, svg);
}
