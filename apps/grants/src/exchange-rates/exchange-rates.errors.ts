import { InterestRatesErrors } from '../interest-rates/interest-rates.errors.js';

/**
 * The euro rates' codes. A day that has a rate keeps it: the same `RATE_EXISTS` entry as the
 * interest rates' (one code, one status, one line in the reference).
 */
export const ExchangeRatesErrors = {
  RATE_EXISTS: InterestRatesErrors.RATE_EXISTS,
} as const;
