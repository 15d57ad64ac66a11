import { defineErrorCodes } from '@app/common';

/** The error codes of accounts, e-mail verification and login (docs/api-error-codes.md). */
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
  EMAIL_TAKEN: {
    status: 409,
    when: 'Registration with an e-mail address that already has an account.',
  },
});
