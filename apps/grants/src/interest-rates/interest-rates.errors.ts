import { defineErrorCodes } from '@app/common';

/** The statutory interest rates (a dated setting). */
export const InterestRatesErrors = defineErrorCodes({
  RATE_EXISTS: {
    status: 409,
    when: 'An interest rate is added from a day that already has one (a change is a new entry from a new day).',
  },
});
