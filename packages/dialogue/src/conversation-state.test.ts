import { createInitialState, startingState } from './conversation-state.js';

const T0 = Date.parse('2025-01-01T00:00:00Z');
const session = { sessionIdleMinutes: 30, keepContextOnExpiry: true };

describe('startingState', () => {
  const stored = {
    ...createInitialState(T0, { lang: 'fr' }),
    active: { intentId: 'book', parameters: { from: 'Paris' }, pendingParameter: 'to', tries: 1 },
  };

  it('starts a new session when nothing is stored', () => {
    expect(startingState(null, T0, session)).toEqual({
      state: createInitialState(T0),
      newSession: true,
    });
  });

  it('continues a session within the idle time', () => {
    expect(startingState(stored, T0 + 30 * 60_000, session)).toEqual({
      state: stored,
      newSession: false,
    });
  });

  it.each([
    [true, { lang: 'fr' }],
    [false, {}],
  ])('starts fresh after the idle time (keep context: %s)', (keepContextOnExpiry, context) => {
    const later = T0 + 31 * 60_000;
    expect(startingState(stored, later, { ...session, keepContextOnExpiry })).toEqual({
      state: createInitialState(later, context),
      newSession: true,
    });
  });

  it('starts fresh from a state it cannot read', () => {
    expect(startingState({ version: 'old' }, T0, session)).toEqual({
      state: createInitialState(T0),
      newSession: true,
    });
  });
});
