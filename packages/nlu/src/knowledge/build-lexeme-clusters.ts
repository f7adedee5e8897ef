/**
 * Builds `data/word-clusters-<language>.txt.gz` from the Brown clusters and word probabilities
 * that spaCy's lookup tables ship (`spacy-lookups-data`, MIT; the tables spaCy 2.2's models
 * carried, 1M words each, 16 MB for a language, so not a dependency):
 *
 *   pip download --no-deps spacy-lookups-data==1.0.5
 *   unzip -q spacy_lookups_data-1.0.5-py2.py3-none-any.whl 'spacy_lookups_data/data/de_lexeme_*'
 *   node packages/nlu/dist/knowledge/build-lexeme-clusters.js de spacy_lookups_data/data
 *
 * It takes a few seconds and writes the same file every time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SUPPORTED_LANGUAGES } from '@parley/domain';
import { z } from 'zod';
import { tokenize } from '../text/tokenize.js';
import { clustersFileOf, formatClusters } from './word-clusters.js';

const WORDS = 100_000;
/**
 * The levels kept, as lengths of a word's path from the root of the Brown hierarchy (one bit a
 * branch): each level is one character of the code, the path's bits since the previous level.
 */
const LEVELS = [4, 8, 12];
const SOURCE = 'spacy-lookups-data@1.0.5';

const Table = z.record(z.string(), z.number());

function main(language: string | undefined, dir: string | undefined): void {
  const lang = SUPPORTED_LANGUAGES.find((l) => l === language);
  const out = lang && clustersFileOf(lang);
  if (!lang || !out || !dir) {
    console.error('usage: build-lexeme-clusters <language with a clusters file> <data directory>');
    process.exit(2);
  }
  const read = (table: string): Record<string, number> =>
    Table.parse(
      JSON.parse(
        gunzipSync(readFileSync(path.join(dir, `${lang}_lexeme_${table}.json.gz`))).toString(
          'utf8',
        ),
      ),
    );
  const clusters = read('cluster');
  const probs = read('prob');
  const byFrequency = Object.keys(probs).sort(
    (a, b) => probs[b]! - probs[a]! || (a < b ? -1 : a > b ? 1 : 0),
  );
  // Only words the tokenizer keeps whole can ever be looked up; the most frequent spelling of a
  // token norm wins ("Berlin", the city, over "berlin" in addresses; "München" and "Munchen" are
  // one norm). A cluster of 0 is spaCy's mark of a word the clusterer saw too rarely.
  const norms: string[] = [];
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const word of byFrequency) {
    if (norms.length === WORDS) break;
    const cluster = clusters[word];
    const tokens = tokenize(word, lang, false);
    const token = tokens[0];
    if (!cluster || tokens.length !== 1 || token?.kind !== 'word' || seen.has(token.norm)) continue;
    seen.add(token.norm);
    norms.push(token.norm);
    codes.push(levelCode(cluster));
  }
  const version = `${SOURCE}/${lang}/${norms.length}w/brown/${LEVELS.join('-')}`;
  writeFileSync(out, gzipSync(formatClusters(version, norms, codes), { level: 9 }));
  console.log(`${out.pathname}: ${norms.length} words, ${version}`);
}

/**
 * spaCy stores a Brown path as the integer of its bits reversed (the first branch is bit 0), so
 * a path's trailing zeros are lost; padding with zeros restores them, and as the leaves' paths
 * are prefix-free, two words share a padded prefix exactly when they share the true one.
 */
function levelCode(cluster: number): string {
  let code = '';
  let from = 0;
  for (const to of LEVELS) {
    const bits = (cluster >>> from) & ((1 << (to - from)) - 1);
    code += bits.toString(36);
    from = to;
  }
  return code;
}

main(process.argv[2], process.argv[3]);
