/** A token of the reply with its log-probability (the `logprobs.content[]` items of a chat completion). */
export interface TokenLogprob {
  token: string;
  logprob: number;
  /** The most likely tokens at this position (the chosen one included), when requested. */
  top?: ReadonlyArray<{ token: string; logprob: number }>;
}

export interface Calibration {
  prior: number;
  weight: number;
  cap: number;
}

/**
 * The probability the model gave to the `occurrence`-th string value of `key` in its JSON reply:
 * exp of the summed logprobs of the tokens that spell the value and its closing quote (so
 * "greet" is not confused with "greeting"). Returns `null` when the tokens do not spell such a
 * value or it differs from `expected` — the caller then falls back to the self-reported score.
 */
export function valueProbability(
  tokens: readonly TokenLogprob[],
  key: string,
  expected: string,
  occurrence = 0,
): number | null {
  const { text, starts } = spell(tokens);
  const span = findStringValue(text, key, occurrence);
  if (!span || span.value !== expected) return null;
  let sum = 0;
  tokens.forEach((token, index) => {
    const begin = starts[index] ?? 0;
    const end = begin + token.token.length;
    // Tokens overlapping the value or its closing quote; the opening quote is already implied.
    if (end > span.begin && begin <= span.end && Number.isFinite(token.logprob))
      sum += token.logprob;
  });
  return Math.min(1, Math.max(0, Math.exp(sum)));
}

/**
 * Other intents the model considered, from the `top_logprobs` of the first token of the intent
 * value: an alternative token that starts exactly one other intent id counts for that intent,
 * with the probability of that first token — an upper bound of the intent's probability.
 * Empty without `top_logprobs`. Lets the ranking (and the ambiguity margin) work in LLM mode.
 */
export function intentAlternatives(
  tokens: readonly TokenLogprob[],
  chosen: string,
  intentIds: ReadonlySet<string>,
): Array<{ name: string; confidence: number }> {
  const { text, starts } = spell(tokens);
  const span = findStringValue(text, 'intent', 0);
  if (!span || span.value !== chosen) return [];
  const index = tokens.findIndex((token, i) => (starts[i] ?? 0) + token.token.length > span.begin);
  const first = tokens[index];
  if (!first?.top) return [];
  const lead = first.token.slice(0, Math.max(0, span.begin - (starts[index] ?? 0)));
  const best = new Map<string, number>();
  for (const alternative of first.top) {
    if (!alternative.token.startsWith(lead)) continue;
    const rest = alternative.token.slice(lead.length);
    const quote = rest.indexOf('"');
    const prefix = quote >= 0 ? rest.slice(0, quote) : rest;
    if (!prefix) continue;
    const matches = [...intentIds].filter((id) =>
      quote >= 0 ? id === prefix : id.startsWith(prefix),
    );
    const [only] = matches;
    if (matches.length !== 1 || only === undefined || only === chosen) continue;
    best.set(only, Math.max(best.get(only) ?? 0, Math.exp(alternative.logprob)));
  }
  return [...best]
    .map(([name, confidence]) => ({ name, confidence }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** Self-reported confidence shrunk toward the prior and capped (see `ZLlmParserOptions.calibration`). */
export function calibrateSelfReported(
  reported: number | undefined,
  calibration: Calibration,
): number {
  const { prior, weight, cap } = calibration;
  if (reported === undefined || !Number.isFinite(reported)) return Math.min(cap, prior);
  const clamped = Math.min(1, Math.max(0, reported));
  return Math.min(cap, Math.max(0, prior + weight * (clamped - prior)));
}

function spell(tokens: readonly TokenLogprob[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const token of tokens) {
    starts.push(text.length);
    text += token.token;
  }
  return { text, starts };
}

function findStringValue(
  text: string,
  key: string,
  occurrence: number,
): { value: string; begin: number; end: number } | null {
  const pattern = new RegExp(`"${escapeRegExp(key)}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g');
  let match: RegExpExecArray | null;
  let seen = 0;
  while ((match = pattern.exec(text)) !== null) {
    if (seen++ < occurrence) continue;
    const raw = match[1] ?? '';
    const begin = match.index + match[0].length - raw.length - 1;
    try {
      return { value: JSON.parse(`"${raw}"`) as string, begin, end: begin + raw.length };
    } catch {
      return null;
    }
  }
  return null;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
