/**
 * When the ranking of a call may be approved (docs/product.md#evaluation-ranking-and-appeal,
 * "Approval"): once, after the call has closed, when every submitted application has been formally
 * checked, there is at least one accepted application to rank, and every accepted one has its
 * final score. Withdrawn and formally rejected applications do not hold it up.
 */

export interface CallForApproval {
  /** A draft call never closes: it was never open. */
  readonly published: boolean;
  /** ISO 8601 moment the call closes. */
  readonly closesAt: string;
  /** The ranking was approved already. */
  readonly approved: boolean;
}

export interface ApplicationForApproval {
  readonly reference: string;
  readonly state: 'submitted' | 'formally-accepted' | 'formally-rejected' | 'withdrawn';
  /** Where its evaluation stands; 'final' once it has its final score. */
  readonly evaluationStage: 'none' | 'first' | 'third' | 'final';
}

/** Why the ranking cannot be approved now, the first reason in the order above. */
export type RankingApprovalRefusal =
  | { readonly reason: 'already-approved' }
  | { readonly reason: 'call-not-closed' }
  | { readonly reason: 'formal-check-pending' }
  | { readonly reason: 'nothing-to-rank' }
  /** `references`: the accepted applications still being evaluated. */
  | { readonly reason: 'evaluation-incomplete'; readonly references: readonly string[] };

/** Null when the ranking may be approved at `now` (an ISO 8601 moment). */
export function rankingApprovalRefusal(
  call: CallForApproval,
  applications: readonly ApplicationForApproval[],
  now: string,
): RankingApprovalRefusal | null {
  if (call.approved) return { reason: 'already-approved' };
  if (!call.published || momentOf(call.closesAt) > momentOf(now))
    return { reason: 'call-not-closed' };
  if (applications.some((a) => a.state === 'submitted')) return { reason: 'formal-check-pending' };
  const accepted = applications.filter((a) => a.state === 'formally-accepted');
  if (accepted.length === 0) return { reason: 'nothing-to-rank' };
  const unfinished = accepted.filter((a) => a.evaluationStage !== 'final');
  if (unfinished.length > 0)
    return { reason: 'evaluation-incomplete', references: unfinished.map((a) => a.reference) };
  return null;
}

function momentOf(iso: string): number {
  const moment = Date.parse(iso);
  if (Number.isNaN(moment)) throw new RangeError(`Not a moment: ${iso}`);
  return moment;
}
