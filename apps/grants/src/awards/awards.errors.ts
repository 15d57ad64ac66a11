import { defineErrorCodes } from '@app/common';

/** Awards after the decision: agreements, payments, the de minimis certificate, giving up, bridging-support extensions. */
export const AwardsErrors = defineErrorCodes({
  AGREEMENT_ALREADY_SIGNED: {
    status: 409,
    when: "An award's agreement is prepared or signed again once signed, or the award is given up after signing (that is a termination with a refund).",
  },
  AWARD_CLOSED: {
    status: 409,
    when: 'A bridging-support extension is requested or decided for an award no longer under a signed agreement (settled or given up).',
  },
  AWARD_GIVEN_UP: {
    status: 409,
    when: 'An agreement, a payment or a give-up is recorded for an award that has been given up.',
  },
  BRIDGING_EXTENSION_DECIDED: {
    status: 409,
    when: 'A decision is recorded on a bridging-support extension request that has already been decided.',
  },
  BRIDGING_EXTENSION_EXISTS: {
    status: 409,
    when: "A bridging-support extension is requested while the award's earlier request is pending or approved.",
  },
  BUDGET_EXCEEDED: {
    status: 409,
    when: "Approving a bridging-support extension would commit more than what is left of the call's budget.",
  },
  AGREEMENT_NOT_SIGNED: {
    status: 422,
    when: "A payment or a bridging-support extension request before the award's agreement is signed.",
  },
  BRIDGING_NOT_ALLOWED: {
    status: 422,
    when: "A bridging-support payment falls outside the job's bridging months (or an extension not granted) or exceeds the monthly cap.",
  },
  DE_MINIMIS_CEILING_EXCEEDED: {
    status: 422,
    when: 'An agreement would grant aid that, with the de minimis aid the application declared in the counted period, passes the ceiling (EUR 300,000 over three years); the message states the figures and what is left.',
  },
  EXCEEDS_AWARD: {
    status: 422,
    when: 'A payment is larger than what remains to be paid of the award.',
  },
  NO_BRIDGING_SUPPORT: {
    status: 422,
    when: 'A bridging-support payment or extension is asked for under a call whose funding model has no bridging support.',
  },
  EXCHANGE_RATE_MISSING: {
    status: 409,
    when: 'An agreement is signed on a day (or the application declares de minimis aid granted on a day) with no NBP average EUR rate in force in the table: an operator adds it (POST /api/exchange-rates).',
  },
});
