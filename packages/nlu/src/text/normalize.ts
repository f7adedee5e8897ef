import { LATIN_SCRIPT_LANGUAGES, type SupportedLanguage } from '@parley/domain';

const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc`´]/g;
/** Arabic short vowels and signs (harakat), Quranic marks and the tatweel: optional in writing. */
const ARABIC_OPTIONAL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/**
 * The form a token is matched by: lower-cased, accents stripped where the language allows it
 * ("Münchner" → "munchner"), Arabic harakat dropped, full-width forms made plain. Used on
 * single tokens, so that the original offsets are untouched; a folded token can be shorter
 * than its raw text.
 */
export function foldText(text: string, language: SupportedLanguage = 'en'): string {
  // Accents are folded only in Latin-script languages, where people often type without them
  // ("Munchen", "cafe"); elsewhere the marks are letters of their own (Japanese dakuten か/が,
  // Russian й, Thai vowel signs), and only compatibility forms and case are normalized.
  if (LATIN_SCRIPT_LANGUAGES.has(language)) {
    // Turkish lower-cases I to ı and İ to i; people type both as i.
    const lower = language === 'tr' ? text.toLocaleLowerCase('tr').replace(/ı/g, 'i') : text;
    return lower
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(APOSTROPHES, "'")
      .toLowerCase();
  }
  const plain = text.normalize('NFKC').replace(APOSTROPHES, "'").toLowerCase();
  return language === 'ar' ? plain.replace(ARABIC_OPTIONAL, '') : plain;
}
