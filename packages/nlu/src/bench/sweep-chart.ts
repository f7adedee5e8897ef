/** One line of the chart: a corpus's in-scope accuracy, or its out-of-scope recall (dashed). */
export interface SweepSeries {
  name: string;
  points: ReadonlyArray<{ threshold: number; value: number }>;
  dashed?: boolean;
}

// Colour-blind-safe (Okabe–Ito) and distinct enough for ten lines.
const COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
  '#8c564b',
  '#7f7f7f',
  '#bcbd22',
];

const escape = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/**
 * The threshold sweep as a self-contained SVG: x is the bot threshold, y the share of messages
 * (in-scope accuracy solid, out-of-scope recall dashed), with the default threshold marked.
 * Series that share a name share a colour.
 */
export function sweepChart(
  series: readonly SweepSeries[],
  { title, threshold }: { title: string; threshold: number },
): string {
  const width = 720;
  const height = 360;
  const [left, right, top, bottom] = [52, 210, 34, 44];
  const xs = series.flatMap((s) => s.points.map((p) => p.threshold));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const ys = series.flatMap((s) => s.points.map((p) => p.value));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) * 10) / 10);
  const x = (v: number): number => left + ((v - x0) / (x1 - x0 || 1)) * (width - left - right);
  const y = (v: number): number =>
    height - bottom - ((v - y0) / (1 - y0 || 1)) * (height - top - bottom);
  const px = (v: number): string => v.toFixed(1);
  const names = [...new Set(series.map((s) => s.name))];
  const colour = (name: string): string => COLOURS[names.indexOf(name) % COLOURS.length]!;

  const xTicks = [...new Set(xs)]
    .sort((a, b) => a - b)
    .map(
      (t) =>
        `<text x="${px(x(t))}" y="${height - bottom + 16}" text-anchor="middle">${t.toFixed(1)}</text>`,
    );
  const yTicks: string[] = [];
  for (let v = y0; v <= 1.0001; v += 0.1)
    yTicks.push(
      `<line x1="${left}" y1="${px(y(v))}" x2="${width - right}" y2="${px(y(v))}" stroke="#eee"/>` +
        `<text x="${left - 6}" y="${px(y(v) + 4)}" text-anchor="end">${v.toFixed(1)}</text>`,
    );
  const lines = series.map((s) => {
    const d = s.points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.threshold))},${px(y(p.value))}`)
      .join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    return `<path d="${d}" fill="none" stroke="${colour(s.name)}" stroke-width="2"${dash}><title>${escape(s.name)}${s.dashed ? ' out-of-scope recall' : ' in-scope accuracy'}</title></path>`;
  });
  const legend = names.map(
    (name, i) =>
      `<line x1="${width - right + 16}" y1="${top + 8 + i * 18}" x2="${width - right + 40}" y2="${top + 8 + i * 18}" stroke="${colour(name)}" stroke-width="2"/>` +
      `<text x="${width - right + 46}" y="${top + 12 + i * 18}">${escape(name)}</text>`,
  );
  const keyY = top + 20 + names.length * 18;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui,sans-serif" font-size="12">
<title>${escape(title)}</title>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${left}" y="20" font-weight="bold">${escape(title)}</text>
${yTicks.join('\n')}
<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#999"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#999"/>
<line x1="${px(x(threshold))}" y1="${top}" x2="${px(x(threshold))}" y2="${height - bottom}" stroke="#999" stroke-dasharray="2 3"/>
<text x="${px(x(threshold) + 4)}" y="${top + 10}" fill="#666">default ${threshold}</text>
${xTicks.join('')}
<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle">bot threshold</text>
${lines.join('\n')}
${legend.join('\n')}
<line x1="${width - right + 16}" y1="${keyY}" x2="${width - right + 40}" y2="${keyY}" stroke="#333" stroke-width="2"/><text x="${width - right + 46}" y="${keyY + 4}">in-scope accuracy</text>
<line x1="${width - right + 16}" y1="${keyY + 18}" x2="${width - right + 40}" y2="${keyY + 18}" stroke="#333" stroke-width="2" stroke-dasharray="6 4"/><text x="${width - right + 46}" y="${keyY + 22}">out-of-scope recall</text>
</svg>
`;
}
