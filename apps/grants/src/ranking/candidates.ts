import type { RankingCandidate, RankingStatus } from '../domain/index.js';
import type { GrantApplication } from '../applications/application.entity.js';
import type { DecisionOutcome } from './decision.entity.js';

/** An application as the domain ranks it, carrying the row it came from. */
export interface Candidate extends RankingCandidate {
  readonly application: GrantApplication;
}

export function candidateOf(application: GrantApplication): Candidate {
  return {
    id: application.id,
    finalScore: application.finalScore ?? 0,
    passed: application.passed === true,
    eligibleJobs: application.eligibleJobs,
    submittedAt: application.submittedAt.toISOString(),
    amount: application.amount,
    application,
  };
}

/** A decision's standing for a place on the list (a rejected one is below the threshold). */
export function standingOf(status: RankingStatus): DecisionOutcome {
  return status === 'rejected' ? 'below-threshold' : status;
}
