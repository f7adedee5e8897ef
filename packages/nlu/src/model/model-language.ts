import { primaryLanguage, SUPPORTED_LANGUAGES } from '@parley/domain';
import type { SupportedLanguage } from '@parley/domain';
import { InvalidTrainingDataError } from '../errors.js';

/** The language a model is trained in: the primary language of the bot's tag, English by default. */
export function modelLanguage(tag: string | undefined): SupportedLanguage {
  if (tag === undefined) return 'en';
  const language = primaryLanguage(tag);
  if (!language)
    throw new InvalidTrainingDataError(
      `Language "${tag}" is not supported; use one of ${SUPPORTED_LANGUAGES.join(', ')}.`,
    );
  return language;
}
