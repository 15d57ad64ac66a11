import { defineErrorCodes } from '@app/common';
import { ApplicationsErrors } from '../applications/applications.errors.js';

/**
 * The error codes of initiative groups (docs/api-error-codes.md): their own, and the entries they
 * share with applications (the same code, the same status, one definition).
 */
export const InitiativeGroupsErrors = {
  NOT_A_DRAFT: ApplicationsErrors.NOT_A_DRAFT,
  FORM_INVALID: ApplicationsErrors.FORM_INVALID,
  ...defineErrorCodes({
    NOT_SUBMITTED: {
      status: 409,
      when: 'A recruitment decision is recorded for an initiative group that is not submitted or was already decided otherwise.',
    },
  }),
} as const;
