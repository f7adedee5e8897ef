import type { SupportedLanguage } from '@parley/domain';

/**
 * Languages besides English whose labeller reads the English word-frequency band of each word
 * (see `lexiconBand`), without the English word clusters: Dutch and Turkish messages name
 * films, books, playlists and places in English ("The Gate of Worlds'e", "Louder Than Bombs"),
 * and the band tells such an English phrase from the words around it. Cross-validated on the
 * xSID training sets (5 folds, 2 splits × 3 seeds), entity F1 rose 0.7 points in Dutch and 0.6
 * in Turkish; it fell 1.6 in German, whose words often share an English spelling ("die",
 * "will", "Rat", "Gift"), and the clusters lowered all three.
 */
const BAND_LANGUAGES: ReadonlySet<SupportedLanguage> = new Set(['nl', 'tr']);

/** Whether the labeller reads English word-frequency bands in the language. */
export function readsEnglishBands(language: SupportedLanguage): boolean {
  return language === 'en' || BAND_LANGUAGES.has(language);
}
