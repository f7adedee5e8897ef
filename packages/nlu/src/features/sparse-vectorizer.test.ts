import { SparseVectorizer } from './sparse-vectorizer.js';

const DOCS = [
  ['w:book', 'w:a', 'w:table', 'w:a'],
  ['w:book', 'w:a', 'w:flight'],
  ['w:cancel', 'w:the', 'w:flight'],
  ['w:book'],
];

describe('SparseVectorizer.fit', () => {
  it('learns the same vocabulary from a generator of documents as from the documents themselves', async () => {
    const built: number[] = [];
    function* lazily(): Generator<string[]> {
      for (const [i, doc] of DOCS.entries()) {
        built.push(i);
        yield doc;
      }
    }
    const fromArrays = await SparseVectorizer.fit(DOCS, 1, 100);
    const fromGenerator = await SparseVectorizer.fit(lazily(), 1, 100);
    expect(fromGenerator.toArtifact()).toEqual(fromArrays.toArtifact());
    // Each document is built once, and the idf counts all of them (4 documents, not 0).
    expect(built).toEqual([0, 1, 2, 3]);
    const idfOf = (f: string): number =>
      fromGenerator.toArtifact().idf[fromGenerator.toArtifact().features.indexOf(f)]!;
    expect(idfOf('w:book')).toBeCloseTo(Math.log(5 / 4) + 1, 10);
    expect(idfOf('w:cancel')).toBeCloseTo(Math.log(5 / 2) + 1, 10);
  });

  it('keeps the most frequent features above the minimum count, at most maxFeatures', async () => {
    const v = await SparseVectorizer.fit(DOCS, 2, 2);
    expect(v.toArtifact().features).toEqual(['w:a', 'w:book']);
    const { ids, values } = v.transform(['w:book', 'w:unknown']);
    expect([...ids]).toEqual([1]);
    expect(values[0]).toBeCloseTo(1, 6);
  });
});
