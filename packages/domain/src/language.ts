import { z } from 'zod';
import {
  LATIN_SCRIPT_LANGUAGES,
  SUPPORTED_LANGUAGES,
  type SupportedLanguage,
} from './supported-languages.js';

export { LATIN_SCRIPT_LANGUAGES, SUPPORTED_LANGUAGES, type SupportedLanguage };

const SUPPORTED = new Set<string>(SUPPORTED_LANGUAGES);

/**
 * The primary language of an IETF tag when Parley supports it ("zh-Hans-CN" → "zh"), else
 * undefined (a malformed tag included).
 */
export function primaryLanguage(tag: string): SupportedLanguage | undefined {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return undefined;
  }
  const primary = canonical?.split('-')[0];
  return primary && SUPPORTED.has(primary) ? (primary as SupportedLanguage) : undefined;
}

/** A bot's language: a well-formed IETF tag of a supported language. */
export const ZLanguage = z
  .string()
  .min(2)
  .max(35)
  .refine((tag) => primaryLanguage(tag) !== undefined, {
    error: `must be an IETF language tag of a supported language (${SUPPORTED_LANGUAGES.join(', ')}), such as de or pt-BR`,
  });
