/**
 * Validation problems of the funding rules. They are returned as a list (never thrown one by
 * one) so the HTTP layer can show every problem of a form at once; `path` names the offending
 * field the way the form does (`jobs[2].workingTime`), `code` is a stable key the HTTP layer
 * translates into a Polish or English message.
 */
export type FundingProblemCode =
  | 'required'
  | 'invalidDate'
  | 'notWholeGrosze'
  | 'notPositive'
  | 'notWholeNumber'
  | 'outOfRange'
  | 'duplicateValidFrom'
  | 'noRatesInForce'
  | 'atLeastOneJobRequired'
  | 'tooManyJobs'
  | 'unknownWorkingTime'
  | 'quarterTimeRequiresSevereDisability'
  | 'grantAboveCap'
  | 'bridgingMonthsAboveCap'
  | 'bridgingMonthlyAmountAboveCap'
  | 'bridgingExtensionNotRequested'
  | 'bridgingExtensionBeforeBaseExhausted'
  | 'extensionCapAboveMonthlyCap'
  | 'notInFundingModel';

export interface FundingProblem {
  readonly path: string;
  readonly code: FundingProblemCode;
}

/** Either the computed value or every problem found; never both. */
export type FundingResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FundingProblem[] };

/**
 * Thrown only where a single answer is asked for and none exists (e.g. `ratesAt` on a date
 * before the first rate table): a programming or configuration error, not user input.
 */
export class FundingRuleError extends Error {
  constructor(
    readonly code: FundingProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'FundingRuleError';
  }
}
