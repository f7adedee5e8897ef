import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({ INIT_CWD: '/srv/parley' });
    expect(config).toMatchObject({
      port: 8080,
      mongodbUri: undefined,
      dataDir: '/srv/parley/.data',
      modelsDir: '/srv/parley/.data/models',
      logLevel: 'info',
    });
  });

  it('fails naming the variable when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty', MONGODB_URI: 'http://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'http://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/MONGODB_URI/);
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ MONGODB_URI: '', PORT: '' }).port).toBe(8080);
  });

  it('reads the public URL, admin origins and metrics settings', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://bot.example.com/',
      ADMIN_ORIGINS: 'https://admin.example.com, http://localhost:5173',
      METRICS_PORT: '9464',
    });
    expect(config).toMatchObject({
      publicUrl: 'https://bot.example.com',
      adminOrigins: ['https://admin.example.com', 'http://localhost:5173'],
      metricsListen: { port: 9464, host: '127.0.0.1' },
    });
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
    expect(() => loadConfig({ ADMIN_ORIGINS: 'https://admin.example.com/app' })).toThrow(
      /ADMIN_ORIGINS/,
    );
  });
});
