/**
 * The life of a grant application (docs/product.md#the-grant-application):
 * `draft → submitted → (corrections-requested → submitted)* → formally-accepted | formally-rejected`,
 * `withdrawn` from any state before the formal decision.
 */
export type ApplicationState =
  | 'draft'
  | 'submitted'
  | 'corrections-requested'
  | 'formally-accepted'
  | 'formally-rejected'
  | 'withdrawn';

/** The applicant may edit the working copy of the form. */
export function isEditable(state: ApplicationState): boolean {
  return state === 'draft' || state === 'corrections-requested';
}

/** The applicant may still withdraw: the formal decision has not been made. */
export function canWithdraw(state: ApplicationState): boolean {
  return state === 'draft' || state === 'submitted' || state === 'corrections-requested';
}

export type FormalCheckResult = 'accepted' | 'corrections' | 'rejected';

export type FormalCheckRefusal = 'notAwaitingCheck' | 'noCorrectionRoundsLeft';

/**
 * Whether an operator may record this formal-check result now; corrections are allowed a limited
 * number of rounds (once by default, a setting).
 */
export function formalCheckRefusal(
  state: ApplicationState,
  result: FormalCheckResult,
  roundsUsed: number,
  maxRounds: number,
): FormalCheckRefusal | null {
  if (state !== 'submitted') return 'notAwaitingCheck';
  if (result === 'corrections' && roundsUsed >= maxRounds) return 'noCorrectionRoundsLeft';
  return null;
}

export function stateAfterFormalCheck(result: FormalCheckResult): ApplicationState {
  switch (result) {
    case 'accepted':
      return 'formally-accepted';
    case 'corrections':
      return 'corrections-requested';
    case 'rejected':
      return 'formally-rejected';
  }
}

/**
 * A correction answered at `now` is in time when it is not after the term's deadline
 * (23:59:59.999 Warsaw on the last working day).
 */
export function correctionInTime(now: Date, deadline: Date): boolean {
  return now.getTime() <= deadline.getTime();
}

/** The durable timer fires at the first moment after the deadline. */
export function correctionTimerDueAt(deadline: Date): Date {
  return new Date(deadline.getTime() + 1);
}
