/**
 * Problems found by the applications domain rules, returned as a list so the HTTP layer can
 * show every problem of a form at once. `path` names the field the way the form does
 * (`jobs[2].workingTime`), `code` is a stable key that `messages.ts` turns into Polish or
 * English, `params` carries what the message needs.
 */
export type ProblemCode =
  | 'required'
  | 'notTrue'
  | 'invalidDate'
  | 'notPositive'
  | 'unknownCounty'
  | 'countyOutsideCentre'
  | 'countyOutsideCall'
  | 'centreAreaUnknown'
  | 'duplicatePesel'
  | 'duplicateIdentifier'
  | 'proofNotAccepted'
  | 'disabilityDegreeRequired'
  | 'disabilityDegreeUnexpected'
  | 'notNaturalPersonField'
  | 'notLegalPersonField'
  | 'foundersSocialCooperative'
  | 'foundersGeneral'
  | 'leaderNotMember'
  | 'personUnderage'
  | 'startBeforeSubmission'
  | 'headcountMustGrow'
  | 'headcountRequired'
  | 'budgetSumMismatch'
  | 'budgetRequired'
  | 'deMinimisItemsRequired'
  | 'deMinimisItemsUnexpected'
  | 'deMinimisOutsideWindow'
  | 'deMinimisCeilingExceeded'
  | 'groupRequired'
  | 'groupNotQualified'
  | 'groupNotAllowed'
  | 'psCommitmentRequired'
  | 'legalFormMismatch'
  | 'tooManyJobs'
  | 'atLeastOneJobRequired'
  | 'unknownWorkingTime'
  | 'quarterTimeRequiresSevereDisability'
  | 'grantAboveCap'
  | 'bridgingMonthsAboveCap'
  | 'bridgingMonthlyAmountAboveCap'
  | 'bridgingExtensionNotRequested'
  | 'bridgingExtensionBeforeBaseExhausted'
  | 'notInFundingModel'
  | 'notWholeGrosze'
  | 'notWholeNumber'
  | 'outOfRange'
  | 'callFundingModelInvalid';

export interface Problem {
  readonly path: string;
  readonly code: ProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Prefixes every problem's path (`jobs[0]` → `form.jobs[0]`). */
export function prefixed(problems: readonly Problem[], prefix: string): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));
}

/** Reads a property of an object-like value, or undefined (forms may be partial or malformed). */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
