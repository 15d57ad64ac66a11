import { isTokenCurrent } from './token-state.js';

describe('whether an access token still speaks for its account (docs/architecture.md#sessions-and-revocation)', () => {
  const state = { tokenVersion: 2, disabled: false, sessionRevoked: false };

  it('accepts a token of an account no change was heard of', () => {
    expect(isTokenCurrent({ tokenVersion: 0, sessionId: 's' }, null)).toBe(true);
  });

  it('accepts a token issued at the current version or a later one the read model has not seen yet', () => {
    expect(isTokenCurrent({ tokenVersion: 2 }, state)).toBe(true);
    expect(isTokenCurrent({ tokenVersion: 3 }, state)).toBe(true);
  });

  it('refuses a token issued before a role change, a disable or a password change', () => {
    expect(isTokenCurrent({ tokenVersion: 1 }, state)).toBe(false);
    expect(isTokenCurrent({}, state)).toBe(false);
  });

  it('refuses every token of a disabled account and a token of an ended session', () => {
    expect(isTokenCurrent({ tokenVersion: 5 }, { ...state, disabled: true })).toBe(false);
    expect(isTokenCurrent({ tokenVersion: 2 }, { ...state, sessionRevoked: true })).toBe(false);
  });
});
