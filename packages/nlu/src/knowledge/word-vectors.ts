import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { detachedCopy, StringTable } from '../util/string-table.js';

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
 * Unit vectors of the most frequent words, int8 with one scale per row, and each word's SIF
 * weight (frequent words say little about what a message means).
 */
export interface WordVectors {
  version: string;
  dimensions: number;
  /** The row of a token norm, or -1. */
  rowOf: (norm: string) => number;
  scales: Float32Array;
  values: Int8Array;
  sifWeights: Float32Array;
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
 * The file: "# parley word vectors <version>\n<rows> <dims>\n", the words (token norms, most
 * frequent first) one per line, then float32 row scales and int8 components.
 */
export function formatWordVectors(
  version: string,
  words: readonly string[],
  dims: number,
  unitVectors: Float32Array,
): Buffer {
  const scales = new Float32Array(words.length);
  const values = new Int8Array(words.length * dims);
  words.forEach((_, r) => {
    let max = 0;
    for (let j = 0; j < dims; j++) max = Math.max(max, Math.abs(unitVectors[r * dims + j]!));
    const scale = max > 0 ? max / 127 : 1;
    scales[r] = scale;
    for (let j = 0; j < dims; j++)
      values[r * dims + j] = Math.round(unitVectors[r * dims + j]! / scale);
  });
  const head = Buffer.from(`${MAGIC} ${version}\n${words.length} ${dims}\n${words.join('\n')}\n`);
  return Buffer.concat([head, Buffer.from(scales.buffer), Buffer.from(values.buffer)]);
}

export function parseWordVectors(bytes: Buffer): WordVectors {
  const firstLine = bytes.indexOf(10);
  const header = bytes.subarray(0, firstLine).toString('utf8');
  if (!header.startsWith(MAGIC)) throw new Error('word vectors: not a parley word-vector file');
  const secondLine = bytes.indexOf(10, firstLine + 1);
  const [rows, dims] = bytes
    .subarray(firstLine + 1, secondLine)
    .toString('utf8')
    .split(' ')
    .map(Number) as [number, number];
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
  // Copies: the slices of a Buffer need not be aligned for a Float32Array view.
  const scales = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + rows * 4),
  );
  offset += rows * 4;
  const values = new Int8Array(rows * dims);
  values.set(new Int8Array(bytes.buffer, bytes.byteOffset + offset, rows * dims));
  const sifWeights = Float32Array.from({ length: rows }, (_, r) => {
    const p = 1 / ((r + 1) * ZIPF_NORM);
    return SIF_A / (SIF_A + p);
  });
  return {
    version: detachedCopy(header.slice(MAGIC.length).trim()),
    dimensions: dims,
    rowOf: rowLookup(table, rowOfWord),
    scales,
    values,
    sifWeights,
  };
}

/** Built apart from the parse so that the closure keeps only these (not the parse's lists). */
function rowLookup(table: StringTable, rowOfWord: Int32Array): (norm: string) => number {
  return (norm) => {
    const n = table.indexOf(norm);
    return n < 0 ? -1 : rowOfWord[n]!;
  };
}
