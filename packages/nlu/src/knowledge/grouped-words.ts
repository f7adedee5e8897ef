import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gunzipSync } from 'node:zlib';
import { runSteps, runStepsYielding } from '../util/event-loop.js';
import { detachedCopy, StringTable } from '../util/string-table.js';

/**
 * A table of words in groups (a word cluster's code, a part-of-speech tag), as the knowledge
 * files ship it: a header with the version, notice lines starting with '#', then one line per
 * group, "group<TAB>word word …", groups and words sorted, so the same input gives the same bytes.
 */
export interface GroupedWords {
  /** Where the table comes from and how it was built, for the model manifest. */
  version: string;
  /** The group of a word; undefined for a word the table does not hold. */
  groupOf: (word: string) => string | undefined;
  /** The longest word's length in UTF-16 units. */
  longest: number;
}

/** The file's text; a word given twice stays in the group it was first given. */
export function formatGroupedWords(
  header: string,
  version: string,
  entries: Iterable<readonly [word: string, group: string]>,
  notices: readonly string[] = [],
): string {
  const byGroup = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const [word, group] of entries) {
    if (seen.has(word)) continue;
    seen.add(word);
    const list = byGroup.get(group);
    if (list) list.push(word);
    else byGroup.set(group, [word]);
  }
  const lines = [...byGroup]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, words]) => `${group}\t${words.sort().join(' ')}`);
  return [`${header} ${version}`, ...notices.map((n) => `# ${n}`), ...lines].join('\n') + '\n';
}

/** Parses the file's text; `header` says what it must start with, `what` names it in errors. */
export function parseGroupedWords(text: string, header: string, what: string): GroupedWords {
  return runSteps(parseSteps(text, header, what));
}

function* parseSteps(text: string, header: string, what: string): Generator<void, GroupedWords> {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (!first.startsWith(header))
    throw new Error(`not a parley ${what} file: its first line does not start with "${header}"`);
  const groups: string[] = [];
  const words: string[] = [];
  const groupOfLine: number[] = [];
  let longest = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const tab = line.indexOf('\t');
    if (line.startsWith('#') || tab <= 0) continue;
    const g = groups.push(line.slice(0, tab)) - 1;
    for (const word of line.slice(tab + 1).split(' ')) {
      words.push(word);
      groupOfLine.push(g);
      if (word.length > longest) longest = word.length;
    }
    if (i % 256 === 0) yield;
  }
  const { table, numbers } = StringTable.intern(words);
  const groupOfWord = new Int32Array(table.size);
  numbers.forEach((n, w) => (groupOfWord[n] = groupOfLine[w]!));
  return {
    // A copy: a slice of the header would keep the whole file's text alive.
    version: detachedCopy(first.slice(header.length).trim()),
    groupOf: groupLookup(table, groupOfWord, groups),
    longest,
  };
}

/** Built apart from the parse so that the closure keeps only these (not the parse's lists). */
function groupLookup(
  table: StringTable,
  groupOfWord: Int32Array,
  groups: readonly string[],
): (word: string) => string | undefined {
  return (word) => {
    const n = table.indexOf(word);
    return n < 0 ? undefined : groups[groupOfWord[n]!];
  };
}

/**
 * A gzipped grouped-words file shipped with the package (never downloaded), read once: on the
 * first lookup (`get`), or earlier without blocking the event loop long (`load`, as training
 * does inside a running API).
 */
export class ShippedWords {
  private table: GroupedWords | undefined;
  private fileDigest: string | undefined;

  constructor(
    readonly file: URL,
    private readonly header: string,
    private readonly what: string,
  ) {}

  get(): GroupedWords {
    this.table ??= parseGroupedWords(
      gunzipSync(readFileSync(this.file)).toString('utf8'),
      this.header,
      this.what,
    );
    return this.table;
  }

  async load(): Promise<void> {
    if (this.table) return;
    const text = (await promisify(gunzip)(await readFile(this.file))).toString('utf8');
    const table = await runStepsYielding(parseSteps(text, this.header, this.what));
    this.table ??= table;
  }

  /** The version once loaded; undefined until something has needed the table. */
  loadedVersion(): string | undefined {
    return this.table?.version;
  }

  /** A digest of the file, known without loading it (for the training hash). */
  digest(): string {
    this.fileDigest ??= createHash('sha256')
      .update(readFileSync(this.file))
      .digest('hex')
      .slice(0, 16);
    return this.fileDigest;
  }
}
