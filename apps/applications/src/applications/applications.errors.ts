import { defineErrorCodes } from '@app/common';

/**
 * The error codes of grant applications (docs/api-error-codes.md). NOT_A_DRAFT and FORM_INVALID
 * are shared with initiative groups, which reuse these entries.
 */
export const ApplicationsErrors = defineErrorCodes({
  CANNOT_WITHDRAW: {
    status: 409,
    when: 'An application is withdrawn after its formal check has ended.',
  },
  CROSS_APPLICATION_CONFLICT: {
    status: 409,
    when: "An operator formally accepts an application that conflicts with an earlier active one in the call, or with a job still funded in the programme: the entity's jobs above the call's `maxJobsPerEntity`, or an employee (PESEL) already in another job; `errors` lists each conflict.",
  },
  NOT_AWAITING_FORMAL_CHECK: {
    status: 409,
    when: 'An operator records a formal check of an application that is not awaiting one.',
  },
  NOT_A_DRAFT: {
    status: 409,
    when: 'An application or initiative group is edited or submitted in a state that does not allow it (already submitted, decided or withdrawn).',
  },
  NO_CORRECTION_ROUNDS_LEFT: {
    status: 409,
    when: 'An operator requests corrections once the allowed number of correction rounds is used up.',
  },
  CALL_CLOSED: {
    status: 422,
    when: 'An application is submitted while its call is not open (before it opens or after it closes).',
  },
  CORRECTION_TERM_PASSED: {
    status: 422,
    when: 'Corrections to an application are submitted after the term the centre set for them.',
  },
  FORM_INVALID: {
    status: 422,
    when: "An application or initiative group is submitted with a form that breaks the call's or the centre's rules; `errors` lists the fields.",
  },
  UNKNOWN_CALL: {
    status: 422,
    when: 'An application draft is created for a call the applications service does not know.',
  },
});
