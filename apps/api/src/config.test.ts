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
});
