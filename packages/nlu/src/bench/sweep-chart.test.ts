import { sweepChart } from './sweep-chart.js';

describe('sweepChart', () => {
  const svg = sweepChart(
    [
      {
        name: 'hwu64~oos',
        points: [0.3, 0.6, 0.8].map((t) => ({ threshold: t, value: 1 - t / 2 })),
      },
      {
        name: 'hwu64~oos',
        dashed: true,
        points: [0.3, 0.6, 0.8].map((t) => ({ threshold: t, value: t })),
      },
      { name: 'a<b', points: [0.3, 0.8].map((t) => ({ threshold: t, value: 0.9 })) },
    ],
    { title: 'Sweep & co', threshold: 0.6 },
  );

  it('draws each series as a line, the out-of-scope one dashed, one colour per corpus', () => {
    const paths = [
      ...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="(#[0-9a-f]{6})"([^>]*)>/gu),
    ];
    expect(paths).toHaveLength(3);
    expect(paths[0]![1]!.split(' ')).toHaveLength(3);
    expect(paths[0]![2]).toBe(paths[1]![2]);
    expect(paths[2]![2]).not.toBe(paths[0]![2]);
    expect(paths[1]![3]).toContain('stroke-dasharray');
    expect(paths[0]![3]).not.toContain('stroke-dasharray');
  });

  it('marks the default threshold and escapes names', () => {
    expect(svg).toContain('default 0.6');
    expect(svg).toContain('a&lt;b');
    expect(svg).toContain('<title>Sweep &amp; co</title>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
