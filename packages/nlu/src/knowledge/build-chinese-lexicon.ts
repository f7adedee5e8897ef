/**
 * Builds `data/chinese-lexicon.txt.gz` from the dictionary of jieba 0.42.1 (MIT License,
 * Copyright (c) 2013 Sun Junyi; github.com/fxsjy/jieba), a Python package and not a
 * dependency:
 *
 *   pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
 *   node packages/nlu/dist/knowledge/build-chinese-lexicon.js jieba-0.42.1/jieba/dict.txt
 *
 * Each line of dict.txt is "word frequency tag"; the table keeps the word and its tag (the
 * frequencies did not help: cross-validated, leaving out words seen fewer than 8 times cost a
 * point). It takes a few seconds and writes the same file every time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { LexiconEntry } from './chinese-lexicon.js';
import { CHINESE_LEXICON_FILE, formatChineseLexicon, lexiconEntry } from './chinese-lexicon.js';

const SOURCE = 'jieba-0.42.1/dict.txt';

function main(path: string | undefined): void {
  if (!path) {
    console.error('usage: build-chinese-lexicon <jieba/dict.txt>');
    process.exit(2);
  }
  const entries: LexiconEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word = '', , tag = ''] = line.trim().split(' ');
    const entry = lexiconEntry(word, tag);
    if (entry) entries.push(entry);
  }
  const version = `${SOURCE}/${new Set(entries.map((e) => e.word)).size}w`;
  // Node's gzip header carries no timestamp: the bytes depend on the input only.
  writeFileSync(
    CHINESE_LEXICON_FILE,
    gzipSync(formatChineseLexicon(version, entries), { level: 9 }),
  );
  console.log(`${CHINESE_LEXICON_FILE.pathname}: ${version}`);
}

main(process.argv[2]);
