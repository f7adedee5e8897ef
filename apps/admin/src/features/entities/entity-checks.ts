import type { EntityDefinition } from '../../api/types';

/** Words that appear more than once across an entity's values and synonyms (case-insensitive). */
export function duplicateWords(values: EntityDefinition['values']): string[] {
  const seen = new Map<string, number>();
  for (const value of values) {
    for (const word of [value.value, ...value.synonyms]) {
      const key = word.trim().toLowerCase();
      if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, count]) => count > 1).map(([word]) => word);
}

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; error: string };

/** Compiles a pattern the way the API checks it (Unicode mode). */
export function checkPattern(pattern: string): PatternCheck {
  try {
    return { ok: true, regex: new RegExp(pattern, 'u') };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The first match of any valid pattern in a sample string. */
export function firstMatch(patterns: string[], sample: string): string | null {
  for (const pattern of patterns) {
    const check = checkPattern(pattern);
    if (!check.ok) continue;
    const match = check.regex.exec(sample);
    if (match && match[0]) return match[0];
  }
  return null;
}
