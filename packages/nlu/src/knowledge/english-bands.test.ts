import type { SupportedLanguage } from '@parley/domain';
import { labellerFeatures, labellerReadingFor } from '../extractors/labeller-features.js';
import { tokenize } from '../text/tokenize.js';

/** The English frequency band the labeller reads for each word of `text` in `language`. */
function bandsOf(text: string, language: SupportedLanguage): string[] {
  const tokens = tokenize(text, language);
  return labellerFeatures(tokens, 'find', [], [], labellerReadingFor(language)).map(
    (f) => f.context.find((x) => /^lex=[^|]*$/.test(x)) ?? '',
  );
}

describe('English word bands in other languages', () => {
  it('tells an English title inside a Dutch or Turkish message from the words around it', () => {
    expect(bandsOf('zoek Louder Than Bombs', 'nl')).toEqual([
      'lex=oov',
      'lex=20',
      'lex=10',
      'lex=20',
    ]);
    expect(bandsOf('Louder Than Bombs resmini bul', 'tr').slice(3)).toEqual(['lex=oov', 'lex=oov']);
  });

  it('leaves German, whose words often share an English spelling, without them', () => {
    expect(bandsOf('finde Louder Than Bombs', 'de')).toEqual([
      'lex=word',
      'lex=word',
      'lex=word',
      'lex=word',
    ]);
  });
});
