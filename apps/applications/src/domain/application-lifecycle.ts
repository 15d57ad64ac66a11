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

/**
 * What the applicant's "submit" does in a state: the first submission of a draft, the answer to
 * a correction request (a new version), a repeat of a submission already made (answered with that
 * submission: submitting is idempotent), or nothing allowed (decided or withdrawn).
 */
export type SubmitAction = 'submit' | 'answer-corrections' | 'repeat' | 'refuse';

export function submitAction(state: ApplicationState): SubmitAction {
  switch (state) {
    case 'draft':
      return 'submit';
    case 'corrections-requested':
      return 'answer-corrections';
    case 'submitted':
      return 'repeat';
    default:
      return 'refuse';
  }
}

/** What "withdraw" does in a state: withdraws, repeats a withdrawal (idempotent), or is refused. */
export type WithdrawAction = 'withdraw' | 'repeat' | 'refuse';

export function withdrawAction(state: ApplicationState): WithdrawAction {
  if (state === 'withdrawn') return 'repeat';
  return canWithdraw(state) ? 'withdraw' : 'refuse';
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

/**
 * Issues are given only with a request for corrections, reasons only with a rejection: the
 * fields given that the result does not take, issues first.
 */
export function misplacedFormalCheckFields(
  result: FormalCheckResult,
  given: { issues: boolean; reasons: boolean },
): ('issues' | 'reasons')[] {
  const misplaced: ('issues' | 'reasons')[] = [];
  if (given.issues && result !== 'corrections') misplaced.push('issues');
  if (given.reasons && result !== 'rejected') misplaced.push('reasons');
  return misplaced;
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

/**
 * The correction term's timer rejects the application only if the request it was set for is
 * still unanswered: the application still awaits corrections, in the same round (an answer, a
 * withdrawal or a later round makes the timer moot).
 */
export function correctionTermLapses(
  state: ApplicationState,
  requestRound: number | undefined,
  timerRound: unknown,
): boolean {
  return (
    state === 'corrections-requested' && requestRound !== undefined && requestRound === timerRound
  );
}
