import { readBotSettings, ZBotSettings } from './bot.js';
import { primaryLanguage } from './language.js';

describe('bot language', () => {
  it.each([
    ['de', 'de'],
    ['zh-CN', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['PT-br', 'pt'],
    ['en', 'en'],
  ])('accepts %s as %s', (tag, primary) => {
    expect(primaryLanguage(tag)).toBe(primary);
    expect(ZBotSettings.parse({ name: 'b', language: tag }).language).toBe(tag);
  });

  it.each(['tlh', 'xx-YY', 'de_DE', 'not a tag'])('refuses %s with the field path', (tag) => {
    const result = ZBotSettings.safeParse({ name: 'b', language: tag });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['language']);
    expect(result.error?.issues[0]?.message).toMatch(/supported language/);
  });

  it('reads a stored bot whose language is no longer supported as English, and says so', () => {
    const { settings, problems } = readBotSettings({ name: 'b', language: 'tlh' });
    expect(settings.language).toBe('en');
    expect(problems).toEqual([expect.stringMatching(/^language: /)]);
  });
});
