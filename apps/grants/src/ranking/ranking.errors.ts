import { defineErrorCodes } from '@app/common';

/** The ranking list and its approval. */
export const RankingErrors = defineErrorCodes({
  RANKING_ALREADY_APPROVED: {
    status: 409,
    when: "A call's ranking is approved a second time.",
  },
  CALL_NOT_CLOSED: {
    status: 422,
    when: "A call's ranking is approved before the call has closed.",
  },
  EVALUATION_INCOMPLETE: {
    status: 422,
    when: "A call's ranking is approved while some applications' evaluation is not finished.",
  },
  FORMAL_CHECK_PENDING: {
    status: 422,
    when: "A call's ranking is approved while some applications have not been formally checked.",
  },
  NOTHING_TO_RANK: {
    status: 422,
    when: "A call's ranking is approved while the call has no application to rank.",
  },
});
