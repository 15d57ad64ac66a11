import { defineErrorCodes } from '@app/common';

/** The error codes of centres, their staff and coordinators' scopes (docs/api-error-codes.md). */
export const CentresErrors = defineErrorCodes({
  CENTRE_TAKEN: {
    status: 409,
    when: 'A centre with the same number or accreditation number exists already.',
  },
  CENTRE_INVALID: {
    status: 400,
    when: 'A centre whose counties are not TERYT counties of its voivodeship, or a staff change naming an unknown account.',
  },
  NOT_A_COORDINATOR: {
    status: 409,
    when: 'A coordinator scope set for an account whose role is not coordinator.',
  },
  CENTRE_REQUIRED: {
    status: 400,
    when: 'A role change making an account operator or admin whose centre cannot be told (the caller is not the admin of exactly one centre): add the account through POST /api/centres/:id/staff.',
  },
  CENTRE_UNKNOWN: {
    status: 400,
    when: 'An initiative group or an account given a centre that does not exist or is not active, or none could be chosen (several active centres and no county matching).',
  },
});
