import { readChannelSettings, ZWidgetSettings } from './channel-settings.js';

describe('channel settings', () => {
  it('refuses an origin list given as a string, or an origin with a path', () => {
    expect(ZWidgetSettings.safeParse({ allowedOrigins: 'https://a.com' }).success).toBe(false);
    const withPath = ZWidgetSettings.safeParse({ allowedOrigins: ['https://a.com/shop'] });
    expect(withPath.error?.issues[0]?.path).toEqual(['allowedOrigins', 0]);
    expect(ZWidgetSettings.parse({ allowedOrigins: ['https://a.com'] }).allowedOrigins).toEqual([
      'https://a.com',
    ]);
  });

  it('refuses unknown keys and nested arrays', () => {
    expect(ZWidgetSettings.safeParse({ colour: [[1]] }).success).toBe(false);
  });

  it('reads old invalid stored settings as the defaults, keeping the public key', () => {
    const read = readChannelSettings('widget', {
      publicKey: 'pub_x',
      allowedOrigins: 'https://a.com',
      stray: 1,
    });
    expect(read).toMatchObject({
      publicKey: 'pub_x',
      allowedOrigins: [],
      allowForcedIntents: false,
    });
    expect(readChannelSettings('rest', { allowAnonymous: true }).allowAnonymous).toBe(true);
  });

  it('checks the widget look: #rrggbb colour, a known position and language', () => {
    expect(ZWidgetSettings.parse({ title: ' Help ' })).toMatchObject({
      title: 'Help',
      primaryColor: '#1f6feb',
      position: 'bottom-right',
      language: 'en',
    });
    for (const [settings, path] of [
      [{ primaryColor: 'red' }, 'primaryColor'],
      [{ primaryColor: '#fff' }, 'primaryColor'],
      [{ position: 'top-left' }, 'position'],
      [{ language: 'tlh' }, 'language'],
      [{ title: 'x'.repeat(101) }, 'title'],
    ] as const) {
      expect(ZWidgetSettings.safeParse(settings).error?.issues[0]?.path).toEqual([path]);
    }
  });
});
