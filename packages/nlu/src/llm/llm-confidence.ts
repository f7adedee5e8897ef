/** A token of the reply with its log-probability (the `logprobs.content[]` items of a chat completion). */
export interface TokenLogprob {
  token: string;
  logprob: number;
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
  if (tokens.length === 0) return null;
  const starts: number[] = [];
  let text = '';
  for (const token of tokens) {
    starts.push(text.length);
    text += token.token;
  }
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
