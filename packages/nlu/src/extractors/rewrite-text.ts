/** A rule of a rewrite: a pattern (flags `giu` are added) and what replaces each match. */
export interface RewriteRule {
  pattern: string;
  replace: (match: RegExpExecArray) => string;
}

// Compiled once per rule set: a rewrite runs on every message and the tables are long alternations.
const COMPILED = new WeakMap<readonly RewriteRule[], (RewriteRule & { re: RegExp })[]>();

function compile(rules: readonly RewriteRule[]): (RewriteRule & { re: RegExp })[] {
  let compiled = COMPILED.get(rules);
  if (!compiled) {
    compiled = rules.map((r) => ({ ...r, re: new RegExp(r.pattern, 'iuy') }));
    COMPILED.set(rules, compiled);
  }
  return compiled;
}

/** A rewritten text and the way back to the original's offsets. */
export interface Rewritten {
  text: string;
  /** The original span of a span [begin, end) of the rewritten text. */
  original(begin: number, end: number): { begin: number; end: number };
}

/**
 * Rewrites a text by rules tried left to right at each position (the first rule that matches
 * there wins), keeping for every character of the result the original span it came from, so a
 * recognizer can read the rewritten text and its findings still point into the message.
 */
export function rewriteText(text: string, rules: readonly RewriteRule[]): Rewritten {
  const compiled = compile(rules);
  let out = '';
  // from[i], to[i]: the original span of the i-th character of `out`.
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  while (i < text.length) {
    let hit: { rule: RewriteRule; m: RegExpExecArray } | undefined;
    for (const rule of compiled) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (m && m[0].length > 0) {
        hit = { rule, m };
        break;
      }
    }
    if (!hit) {
      out += text[i];
      from.push(i);
      to.push(i + 1);
      i += 1;
      continue;
    }
    const replacement = hit.rule.replace(hit.m);
    const end = i + hit.m[0].length;
    for (let k = 0; k < replacement.length; k++) {
      from.push(i);
      to.push(end);
    }
    out += replacement;
    i = end;
  }
  return {
    text: out,
    original: (begin, end) => ({
      begin: from[begin] ?? text.length,
      end: end > begin ? (to[end - 1] ?? text.length) : (from[begin] ?? text.length),
    }),
  };
}

/** `rules` applied to a rewritten text, with the way back to the first text's offsets. */
export function rewriteFurther(read: Rewritten, rules: readonly RewriteRule[]): Rewritten {
  const next = rewriteText(read.text, rules);
  return {
    text: next.text,
    original: (begin, end) => {
      const between = next.original(begin, end);
      return read.original(between.begin, between.end);
    },
  };
}

/** Rules replacing whole words (case-insensitive) by a table. */
export function wordRules(table: Record<string, string>, boundaries = true): RewriteRule[] {
  const words = Object.keys(table).sort((a, b) => b.length - a.length);
  const lookup = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = boundaries
    ? `(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`
    : `(?:${alternatives})`;
  return [{ pattern, replace: (m) => lookup.get(m[0].toLowerCase()) ?? m[0] }];
}
