import { defineErrorCodes } from '@app/common';

/** Calls for applications (nabory). */
export const CallsErrors = defineErrorCodes({
  CALL_NUMBER_TAKEN: {
    status: 409,
    when: 'A call is created or updated with the number of another call of its centre.',
  },
  CALL_RULES_LOCKED: {
    status: 409,
    when: "A call's settings are changed after an application to it has been submitted.",
  },
  CALL_ALREADY_CLOSED: {
    status: 422,
    when: 'A call is published after its closing moment, or a published call is given a closing moment in the past.',
  },
});
