import { averageSeeds } from './bench-row.js';
import { benchTargets } from './bench-targets.js';
import { summaryTable } from './summary-table.js';
import { benchRow } from '../test-support/bench-row.js';

describe('summaryTable', () => {
  it('gives one Markdown row per corpus with both systems, the seed spread and the targets', () => {
    const parley = averageSeeds([
      benchRow({ corpus: 'xsid-de', accuracy: 0.92, seeds: [42] }),
      benchRow({ corpus: 'xsid-de', accuracy: 0.94, seeds: [43] }),
    ]);
    const nlpjs = benchRow({ corpus: 'xsid-de', system: 'nlp.js', accuracy: 0.888, seeds: [] });
    const rows = [parley, nlpjs];
    const table = summaryTable(rows, benchTargets(rows, { encoder: false })).split('\n');
    expect(table).toHaveLength(3);
    expect(table[0]).toMatch(/^\| corpus \| Parley intent \|/u);
    const cells = table[2]!.split(' | ');
    expect(cells[0]).toBe('| xsid-de');
    expect(cells[1]).toBe('0.930 ± 0.014');
    expect(cells[3]).toBe('0.888');
    expect(table[2]).toContain('✅ intent accuracy above nlp.js');
    expect(table[2]).toContain('✅ entity F1 >= 0.75');
    expect(table[2]).toContain('❌ in-scope loss at threshold 0.6 <= 3 pts');
  });
});
