/**
 * Validation problems of the grants domain rules, returned as a list so the HTTP layer can show
 * them all at once (`{ path, code }`, `path` as the request names the field, `code` a stable
 * key translated into a Polish or English message; `params` carries what the message needs).
 * Invalid arguments that can only come from a programming error throw a RangeError instead.
 */
export type DomainProblemCode =
  // scores and criteria
  | 'required'
  | 'duplicateCriterion'
  | 'unknownCriterion'
  | 'criterionNotScored'
  | 'notWholeNumber'
  | 'outOfRange'
  | 'justificationRequired'
  | 'minimumAboveMaximum'
  // appeal
  | 'evaluatorAlreadyScored'
  | 'appealNeedsOriginalEvaluations'
  // money, dates, interest
  | 'invalidDate'
  | 'notWholeGrosze'
  | 'notPositive'
  | 'invalidRate'
  | 'duplicateValidFrom'
  | 'noInterestRateInForce'
  | 'calculationBeforePayment'
  | 'exceedsAward'
  | 'invalidMonth'
  | 'beforeBridgingStart'
  | 'afterBridgingEnd'
  | 'bridgingExtensionNotGranted'
  | 'bridgingMonthlyCapExceeded';

export interface DomainProblem {
  readonly path: string;
  readonly code: DomainProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Either the value or every problem found; never both. */
export type DomainResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly DomainProblem[] };
