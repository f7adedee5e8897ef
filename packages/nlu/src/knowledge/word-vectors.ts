import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { detachedCopy, StringTable } from '../util/string-table.js';
import { addReconstruction } from './product-quantizer.js';
import type { ProductQuantizer } from './product-quantizer.js';

/** Built by `build-word-vectors.ts`; shipped with the package, never downloaded. */
export const WORD_VECTORS_FILE = new URL('../../data/word-vectors.bin.gz', import.meta.url);
/** Names the table in a dense encoder's id (the digest of the file follows it). */
export const WORD_VECTORS_NAME = 'bge-static-sif-256d';

const MAGIC = '# parley word vectors';
/** Share of English text taken by the word of frequency rank r is about 1 / ((r + 1) · ZIPF_NORM). */
const ZIPF_NORM = Math.log(400_000) + 0.5772;
/** SIF's smoothing a (Arora et al. 2017): a word's weight is a / (a + p(word)). */
const SIF_A = 1e-3;

/**
 * Unit vectors of the most frequent words, product-quantized (`product-quantizer.ts`: one byte
 * per group of 8 dimensions, so the table ships in under 2 MB), and each word's SIF weight
 * (frequent words say little about what a message means).
 */
export interface WordVectors {
  version: string;
  dimensions: number;
  /** The row of a token norm, or -1. */
  rowOf: (norm: string) => number;
  sifWeights: Float32Array;
  /** Adds `weight` times the row's unit vector to `out`. */
  addRow: (row: number, weight: number, out: Float32Array) => void;
}

let loaded: WordVectors | undefined;
let digest: string | undefined;

/** The table, read once per process on first use (about 0.1 s). */
export function wordVectors(): WordVectors {
  loaded ??= parseWordVectors(gunzipSync(readFileSync(WORD_VECTORS_FILE)));
  return loaded;
}

/** A digest of the shipped table, known without loading it (names the encoder). */
export function wordVectorsDigest(): string {
  digest ??= createHash('sha256')
    .update(readFileSync(WORD_VECTORS_FILE))
    .digest('hex')
    .slice(0, 16);
  return digest;
}

/**
 * The file: "# parley word vectors <version>\n<rows> <dims> <subspaces> <centroids>\n", the
 * words (token norms, most frequent first) one per line, then the float32 codebooks and the
 * rows' codes, `subspaces` bytes a row.
 */
export function formatWordVectors(
  version: string,
  words: readonly string[],
  pq: ProductQuantizer,
  codes: Uint8Array,
): Buffer {
  if (codes.length !== words.length * pq.subspaces)
    throw new Error('word vectors: codes do not match the words');
  const sizes = `${words.length} ${pq.dims} ${pq.subspaces} ${pq.centroids}`;
  const head = Buffer.from(`${MAGIC} ${version}\n${sizes}\n${words.join('\n')}\n`);
  return Buffer.concat([
    head,
    Buffer.from(pq.codebooks.buffer, pq.codebooks.byteOffset, pq.codebooks.byteLength),
    Buffer.from(codes),
  ]);
}

export function parseWordVectors(bytes: Buffer): WordVectors {
  const firstLine = bytes.indexOf(10);
  const header = bytes.subarray(0, firstLine).toString('utf8');
  if (!header.startsWith(MAGIC)) throw new Error('word vectors: not a parley word-vector file');
  const secondLine = bytes.indexOf(10, firstLine + 1);
  const sizes = bytes
    .subarray(firstLine + 1, secondLine)
    .toString('utf8')
    .split(' ')
    .map(Number);
  if (sizes.length !== 4 || !sizes.every((n) => Number.isInteger(n) && n > 0))
    throw new Error(
      'word vectors: a table of an older format (train the bot again after upgrading)',
    );
  const [rows, dims, subspaces, centroids] = sizes as [number, number, number, number];
  let offset = secondLine + 1;
  const words: string[] = [];
  for (let r = 0; r < rows; r++) {
    const end = bytes.indexOf(10, offset);
    words.push(bytes.subarray(offset, end).toString('utf8'));
    offset = end + 1;
  }
  const { table, numbers } = StringTable.intern(words);
  // A word listed twice takes its last row, as a Map's `set` would.
  const rowOfWord = new Int32Array(table.size);
  numbers.forEach((n, r) => (rowOfWord[n] = r));
  const bookBytes = centroids * dims * 4;
  // Copies: the slices of a Buffer need not be aligned for a Float32Array view.
  const codebooks = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + bookBytes),
  );
  offset += bookBytes;
  if (bytes.length - offset !== rows * subspaces) throw new Error('word vectors: truncated file');
  const codes = Uint8Array.from(bytes.subarray(offset, offset + rows * subspaces));
  const pq: ProductQuantizer = { dims, subspaces, centroids, codebooks };
  const sifWeights = Float32Array.from({ length: rows }, (_, r) => {
    const p = 1 / ((r + 1) * ZIPF_NORM);
    return SIF_A / (SIF_A + p);
  });
  return {
    version: detachedCopy(header.slice(MAGIC.length).trim()),
    dimensions: dims,
    rowOf: rowLookup(table, rowOfWord),
    sifWeights,
    addRow: unitRows(pq, codes),
  };
}

/**
 * A row's reconstruction is a little shorter than the unit vector it stands for; scaling it
 * back keeps every word's say in a message's average what its SIF weight makes it.
 */
function unitRows(pq: ProductQuantizer, codes: Uint8Array): WordVectors['addRow'] {
  const rows = codes.length / pq.subspaces;
  const inverseNorms = new Float32Array(rows);
  const scratch = new Float32Array(pq.dims);
  for (let r = 0; r < rows; r++) {
    scratch.fill(0);
    addReconstruction(pq, codes, r, 1, scratch);
    let norm = 0;
    for (const x of scratch) norm += x * x;
    inverseNorms[r] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  }
  return (row, weight, out) => addReconstruction(pq, codes, row, weight * inverseNorms[row]!, out);
}

/** Built apart from the parse so that the closure keeps only these (not the parse's lists). */
function rowLookup(table: StringTable, rowOfWord: Int32Array): (norm: string) => number {
  return (norm) => {
    const n = table.indexOf(norm);
    return n < 0 ? -1 : rowOfWord[n]!;
  };
}
