/**
 * A read-only set of strings numbered 0…size−1, in three flat parts: one string holding them
 * all, their start offsets and an open-addressing hash table. The word lists every English
 * model reads (200k words of the word clusters, 40k word vectors, SCOWL's bands) cost about a
 * third of what a `Map<string, …>` of them does (a heap string and a table entry per word), in
 * every process that trains or parses.
 */
export class StringTable {
  private constructor(
    private readonly text: string,
    /** Word i is `text.slice(starts[i], starts[i + 1])`. */
    private readonly starts: Int32Array,
    /** Per hash slot, word index + 1, or 0 when empty. */
    private readonly slots: Int32Array,
  ) {}

  /**
   * The distinct `words` numbered in order of first occurrence, and per word its number (a
   * repeated word gets the number of its first occurrence).
   */
  static intern(words: readonly string[]): { table: StringTable; numbers: Int32Array } {
    let capacity = 16;
    while (capacity < words.length * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    const distinct: string[] = [];
    const numbers = new Int32Array(words.length);
    words.forEach((word, w) => {
      let slot = hash(word) & mask;
      for (;;) {
        const entry = slots[slot]!;
        if (entry === 0) {
          distinct.push(word);
          slots[slot] = distinct.length;
          numbers[w] = distinct.length - 1;
          return;
        }
        if (distinct[entry - 1] === word) {
          numbers[w] = entry - 1;
          return;
        }
        slot = (slot + 1) & mask;
      }
    });
    const starts = new Int32Array(distinct.length + 1);
    distinct.forEach((word, i) => (starts[i + 1] = starts[i]! + word.length));
    return { table: new StringTable(distinct.join(''), starts, slots), numbers };
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The number of `word`, or -1 when the table does not hold it. */
  indexOf(word: string): number {
    const mask = this.slots.length - 1;
    let slot = hash(word) & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const start = this.starts[entry - 1]!;
      if (this.starts[entry]! - start === word.length && this.text.startsWith(word, start))
        return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Word i. */
  at(i: number): string {
    return this.text.slice(this.starts[i]!, this.starts[i + 1]!);
  }
}

/** FNV-1a over the UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A copy of `s` in a string of its own. A slice of a long string (a word list's header line,
 * say) may share its parent's characters in V8 and so keep the whole file's text alive.
 */
export function detachedCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
