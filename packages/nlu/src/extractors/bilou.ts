/** BILOU tagging: Begin, Inside, Last, Outside, Unit (one-token entity). */
export const OUTSIDE = 'O';

export interface TokenSpan {
  entity: string;
  /** Token indices, `end` exclusive. */
  start: number;
  end: number;
}

export function spansToTags(length: number, spans: readonly TokenSpan[]): string[] {
  const tags = new Array<string>(length).fill(OUTSIDE);
  for (const s of spans) {
    if (s.end <= s.start || tags.slice(s.start, s.end).some((t) => t !== OUTSIDE)) continue;
    if (s.end - s.start === 1) {
      tags[s.start] = `U-${s.entity}`;
      continue;
    }
    tags[s.start] = `B-${s.entity}`;
    for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = `I-${s.entity}`;
    tags[s.end - 1] = `L-${s.entity}`;
  }
  return tags;
}

export function tagsToSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  tags.forEach((tag, i) => {
    const prefix = tag[0];
    const entity = tag.slice(2);
    if (prefix === 'U') spans.push({ entity, start: i, end: i + 1 });
    if (prefix === 'B') open = { entity, start: i, end: i + 1 };
    if ((prefix === 'I' || prefix === 'L') && open?.entity === entity) open.end = i + 1;
    if (prefix === 'L' && open?.entity === entity) spans.push(open);
    if (prefix !== 'I') open = prefix === 'B' ? open : undefined;
  });
  return spans;
}

/** Whether tag `next` may follow tag `prev` (undefined = sentence start). */
export function allowedTransition(prev: string | undefined, next: string): boolean {
  const p = prev?.[0];
  const n = next[0];
  if (p === 'B' || p === 'I') return (n === 'I' || n === 'L') && prev?.slice(2) === next.slice(2);
  return n === 'O' || n === 'B' || n === 'U';
}

/** Whether a sentence may end with `tag`. */
export function allowedEnd(tag: string): boolean {
  return tag[0] === 'O' || tag[0] === 'L' || tag[0] === 'U';
}

export function labelsFor(entities: readonly string[]): string[] {
  return [OUTSIDE, ...entities.flatMap((e) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${e}`))];
}
