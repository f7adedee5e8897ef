// Without zod on purpose: the admin UI imports this list (`@parley/domain/languages`) for its
// language picker, and its bundle has a size budget.

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

/**
 * The supported languages written in the Latin script: where accents may be folded (people type
 * "Munchen" for "München") and where Latin-script name lists (cities, given names) apply.
 */
export const LATIN_SCRIPT_LANGUAGES: ReadonlySet<SupportedLanguage> = new Set<SupportedLanguage>([
  'de',
  'en',
  'es',
  'fr',
  'id',
  'it',
  'nl',
  'pt',
  'sv',
  'tr',
]);
