/**
 * Whether an access token still speaks for its account (docs/architecture.md#sessions-and-revocation).
 * A pure rule, shared by the identity module (which reads its own tables) and the read models of
 * the other services (fed by `applications.account.changed`).
 */

/** What a service knows of an account: null when it has never heard of a change to it. */
export interface AccountState {
  /** Raised by every change that must end the tokens issued before it (role, disable, password). */
  tokenVersion: number;
  disabled: boolean;
  /** Whether the token's own session was ended (logout, refresh-token reuse). */
  sessionRevoked: boolean;
}

export interface TokenClaims {
  tokenVersion?: number;
  sessionId?: string;
}

/**
 * A token is current while its session was not ended, the account is not disabled and no change
 * raised the account's token version above the token's. An account nobody has changed yet has no
 * state (version 0): its tokens stand.
 */
export function isTokenCurrent(token: TokenClaims, state: AccountState | null): boolean {
  if (!state) return true;
  if (state.sessionRevoked || state.disabled) return false;
  return (token.tokenVersion ?? 0) >= state.tokenVersion;
}
