import { ZBotSettings } from './bot.js';
import { SUPPORTED_LANGUAGES } from './supported-languages.js';
import { BUILT_IN_TEXTS, localizeBotTexts } from './bot-texts.js';

describe('built-in bot texts', () => {
  it('a new bot says its texts in its language', () => {
    const bot = localizeBotTexts(ZBotSettings.parse({ name: 'b', language: 'de-AT' }));
    expect(bot.dialogue.fallbackText).toBe('Entschuldigung, das habe ich nicht verstanden.');
    expect(bot.dialogue.promptText).toContain('{{parameter}}');
  });

  it('keeps what the builder wrote', () => {
    const own = ZBotSettings.parse({ name: 'b', language: 'zh', dialogue: { cancelText: '停' } });
    const bot = localizeBotTexts(own);
    expect(bot.dialogue.cancelText).toBe('停');
    expect(bot.dialogue.fallbackText).toBe(BUILT_IN_TEXTS.zh.fallbackText);
    const korean = localizeBotTexts(ZBotSettings.parse({ name: 'b', language: 'ko-KR' }));
    expect(korean.dialogue.fallbackText).toBe('죄송합니다. 잘 이해하지 못했어요.');
  });

  it('changes the untouched texts when the language changes', () => {
    const german = localizeBotTexts(ZBotSettings.parse({ name: 'b', language: 'de' }));
    const edited = { ...german, dialogue: { ...german.dialogue, cancelText: 'Tschüss!' } };
    const spanish = localizeBotTexts({ ...edited, language: 'es' }, 'de');
    expect(spanish.dialogue.fallbackText).toBe(BUILT_IN_TEXTS.es.fallbackText);
    expect(spanish.dialogue.cancelText).toBe('Tschüss!');
  });

  it('ships every text in every supported language, with the template variables of the English one', () => {
    expect(Object.keys(BUILT_IN_TEXTS).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const texts of Object.values(BUILT_IN_TEXTS)) {
      expect(Object.keys(texts).sort()).toEqual(Object.keys(BUILT_IN_TEXTS.en).sort());
      expect(texts.promptText).toContain('{{parameter}}');
      expect(texts.clarifyText).toMatch(/\{\{first\}\}.*\{\{second\}\}/);
    }
  });
});
