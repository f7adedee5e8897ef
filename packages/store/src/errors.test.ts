import { isDatabaseUnavailable } from './errors.js';

describe('isDatabaseUnavailable', () => {
  it('recognises the driver losing its server, wrapped or as a bare socket error', () => {
    const selection = Object.assign(new Error('no server'), { name: 'MongoServerSelectionError' });
    expect(isDatabaseUnavailable(selection)).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: selection }))).toBe(true);
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), {
      code: 'EPIPE',
      stack:
        'Error: ended\n    at Connection.writeCommand (/app/node_modules/mongodb/lib/cmap/connection.js:1:1)',
    });
    expect(isDatabaseUnavailable(epipe)).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(new Error('bug'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('elsewhere'), { code: 'EPIPE' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
