import { z } from 'zod';

/** The parts of a Hugging Face `tokenizer.json` a BERT WordPiece tokenizer reads. */
export const ZBertTokenizerJson = z.object({
  normalizer: z.object({
    type: z.literal('BertNormalizer'),
    clean_text: z.boolean(),
    handle_chinese_chars: z.boolean(),
    strip_accents: z.boolean().nullable(),
    lowercase: z.boolean(),
  }),
  pre_tokenizer: z.object({ type: z.literal('BertPreTokenizer') }),
  model: z.object({
    type: z.literal('WordPiece'),
    unk_token: z.string(),
    continuing_subword_prefix: z.string(),
    max_input_chars_per_word: z.number().int().positive(),
    vocab: z.record(z.string(), z.number().int().nonnegative()),
  }),
});
export type BertTokenizerJson = z.infer<typeof ZBertTokenizerJson>;

/** Token ids of one text: `[CLS] pieces… [SEP]`, at most `maxLength` of them. */
export interface WordPieceTokenizer {
  encode(text: string, maxLength: number): Int32Array;
  /** The id of `[UNK]`, the piece of every word the vocabulary cannot spell. */
  readonly unknownId: number;
  /** The pieces of a text without the special tokens (for tests and debugging). */
  tokenize(text: string): string[];
}

// BERT's "Chinese character" blocks: each such character becomes a word of its own.
const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b73f],
  [0x2b740, 0x2b81f],
  [0x2b820, 0x2ceaf],
  [0xf900, 0xfaff],
  [0x2f800, 0x2fa1f],
];
const CONTROL = /^\p{C}$/u;
const WHITESPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}!-/:-@[-`{-~]$/u;
const MARK = /\p{Mn}/gu;

const isCjk = (cp: number): boolean => CJK_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);

/**
 * BERT's uncased WordPiece tokenizer as Hugging Face `tokenizers` runs it from `tokenizer.json`:
 * clean the text (drop control characters, any whitespace becomes a space), put spaces around
 * CJK characters, strip accents (NFD, drop combining marks) and lowercase, split on whitespace
 * and around every punctuation character, then split each word greedily into the longest
 * vocabulary pieces ("##" continues a word); a word with no such split is `[UNK]`.
 * Special-token strings typed in a message ("[SEP]") stay plain text here.
 */
export function createWordPieceTokenizer(json: BertTokenizerJson): WordPieceTokenizer {
  const { normalizer, model } = json;
  const vocab = new Map(Object.entries(model.vocab));
  const idOf = (token: string): number => {
    const id = vocab.get(token);
    if (id === undefined) throw new Error(`tokenizer.json has no "${token}" token`);
    return id;
  };
  const cls = idOf('[CLS]');
  const sep = idOf('[SEP]');
  const unk = idOf(model.unk_token);
  const stripAccents = normalizer.strip_accents ?? normalizer.lowercase;

  const normalize = (text: string): string => {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (normalizer.clean_text && (cp === 0 || cp === 0xfffd)) continue;
      if (normalizer.clean_text && WHITESPACE.test(ch)) out += ' ';
      else if (normalizer.clean_text && CONTROL.test(ch)) continue;
      else if (normalizer.handle_chinese_chars && isCjk(cp)) out += ` ${ch} `;
      else out += ch;
    }
    if (stripAccents) out = out.normalize('NFD').replace(MARK, '');
    return normalizer.lowercase ? out.toLowerCase() : out;
  };

  const words = (text: string): string[] => {
    const result: string[] = [];
    let word = '';
    for (const ch of normalize(text)) {
      if (WHITESPACE.test(ch) || PUNCTUATION.test(ch)) {
        if (word) result.push(word);
        word = '';
        if (!WHITESPACE.test(ch)) result.push(ch);
      } else {
        word += ch;
      }
    }
    if (word) result.push(word);
    return result;
  };

  const pieces = (word: string, into: number[]): void => {
    const chars = Array.from(word);
    if (chars.length > model.max_input_chars_per_word) {
      into.push(unk);
      return;
    }
    const found: number[] = [];
    for (let start = 0; start < chars.length;) {
      let end = chars.length;
      let id: number | undefined;
      for (; end > start; end -= 1) {
        const piece = chars.slice(start, end).join('');
        id = vocab.get(start > 0 ? model.continuing_subword_prefix + piece : piece);
        if (id !== undefined) break;
      }
      if (id === undefined) {
        into.push(unk);
        return;
      }
      found.push(id);
      start = end;
    }
    into.push(...found);
  };

  const ids = (text: string): number[] => {
    const out: number[] = [];
    for (const word of words(text)) pieces(word, out);
    return out;
  };
  const tokens = new Map([...vocab].map(([token, id]) => [id, token]));

  return {
    encode(text, maxLength) {
      const body = ids(text).slice(0, Math.max(0, maxLength - 2));
      return Int32Array.from([cls, ...body, sep]);
    },
    tokenize: (text) => ids(text).map((id) => tokens.get(id) ?? model.unk_token),
    unknownId: unk,
  };
}
