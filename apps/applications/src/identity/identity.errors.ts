import { defineErrorCodes } from '@app/common';

/** The error codes of accounts, sessions, passwords and login (docs/api-error-codes.md). */
export const IdentityErrors = defineErrorCodes({
  VERIFICATION_TOKEN_EXPIRED: {
    status: 400,
    when: 'The e-mail verification link has expired; a new one must be requested.',
  },
  VERIFICATION_TOKEN_INVALID: {
    status: 400,
    when: 'The e-mail verification token is unknown or has already been used.',
  },
  INVALID_CREDENTIALS: { status: 401, when: 'Login with a wrong e-mail address or password.' },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    when: 'Login with the right password to an account whose e-mail address has not been verified yet.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    when: 'Login with the right password to an account an administrator has disabled.',
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    when: 'A refresh token that is unknown, expired, of an ended session or of a disabled account; one used a second time ends its whole session (reuse detection).',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    when: 'A new password (registration, change, reset) that the strength estimator finds common or guessable (ASVS 2.1.7); the message says why.',
  },
  CURRENT_PASSWORD_INVALID: {
    status: 400,
    when: 'Changing the password with a wrong current password.',
  },
  RESET_TOKEN_INVALID: {
    status: 400,
    when: 'The forgotten-password link is unknown or has already been used.',
  },
  RESET_TOKEN_EXPIRED: {
    status: 400,
    when: 'The forgotten-password link has expired; a new one must be requested.',
  },
  OWN_ACCOUNT: {
    status: 409,
    when: 'An administrator tried to change the role of, or disable, their own account.',
  },
});
