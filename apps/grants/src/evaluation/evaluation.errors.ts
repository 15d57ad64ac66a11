import { defineErrorCodes } from '@app/common';

/** The evaluation committee's work on an evaluation: the declaration and the scores. */
export const EvaluationErrors = defineErrorCodes({
  CONFLICT_OF_INTEREST: {
    status: 403,
    when: 'An evaluator who declared a conflict of interest asks to see the application of that evaluation.',
  },
  DECLARATION_REQUIRED: {
    status: 403,
    when: 'An evaluator opens or scores an evaluation without a signed impartiality and confidentiality declaration (or scores one after declaring a conflict of interest).',
  },
  ALREADY_DECLARED: {
    status: 409,
    when: 'An evaluator makes the impartiality declaration for an evaluation already declared on.',
  },
  ALREADY_SCORED: {
    status: 409,
    when: 'An evaluator submits scores for an evaluation already scored.',
  },
});
