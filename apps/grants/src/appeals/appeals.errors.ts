import { defineErrorCodes } from '@app/common';

/** Appeals against decisions. */
export const AppealsErrors = defineErrorCodes({
  NOT_THE_APPLICANT: {
    status: 403,
    when: 'Someone other than the applicant (e.g. an operator) files an appeal against a decision.',
  },
  APPEAL_ALREADY_FILED: {
    status: 409,
    when: 'A second appeal is filed against the same decision.',
  },
  APPEAL_TERM_OVER: {
    status: 422,
    when: 'An appeal is filed after the appeal term of the decision has ended.',
  },
  NOTHING_TO_APPEAL: {
    status: 422,
    when: 'An appeal is filed against a decision that funded the application.',
  },
});
