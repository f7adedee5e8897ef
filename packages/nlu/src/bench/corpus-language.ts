import type { TrainingData } from '../types.js';

/**
 * The language of a benchmark corpus: the xSID corpora are named `xsid-<language>` (the same
 * utterances natively translated), every other corpus is English. Parley and nlp.js are both
 * given it.
 */
export function corpusLanguage(corpus: string): string {
  const match = /^xsid-([a-z]{2})$/.exec(corpus.split('~')[0] as string);
  return match ? (match[1] as string) : 'en';
}

/** The training data with its corpus's language, as a bot in that language would train. */
export function inCorpusLanguage(corpus: string, train: TrainingData): TrainingData {
  const language = corpusLanguage(corpus);
  return language === 'en' ? train : { ...train, language };
}
