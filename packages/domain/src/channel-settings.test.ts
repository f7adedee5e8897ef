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
});
