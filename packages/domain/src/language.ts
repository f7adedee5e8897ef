import { z } from 'zod';

/**
 * The languages a bot may be written in: Parley tokenizes them (`Intl.Segmenter` where words
 * are not separated by spaces), and for each the NLU package says what else it knows (stemmer,
 * system-entity culture, built-in texts). A bot's `language` is an IETF tag whose primary
 * language is one of these (`de`, `de-AT`, `zh-CN`, `pt-BR`).
 */
export const SUPPORTED_LANGUAGES = [
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'id',
  'it',
  'ja',
  'ko',
  'nl',
  'pt',
  'ru',
  'sv',
  'th',
  'tr',
  'zh',
] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

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
