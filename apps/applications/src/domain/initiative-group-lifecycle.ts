import type { GroupState } from './initiative-group.js';

/**
 * The life of an initiative group's enrolment (docs/product.md#initiative-groups):
 * `draft → submitted → qualified | rejected`, the decision the recruitment committee's.
 */

/** The leader may edit the form only while it is a draft. */
export function isGroupEditable(state: GroupState): boolean {
  return state === 'draft';
}

/**
 * What the leader's "submit" does in a state: submits a draft, repeats a submission already made
 * (answered with it: submitting is idempotent), or is refused once the group is decided.
 */
export function groupSubmitAction(state: GroupState): 'submit' | 'repeat' | 'refuse' {
  if (state === 'draft') return 'submit';
  return state === 'submitted' ? 'repeat' : 'refuse';
}

export type GroupDecision = 'qualified' | 'rejected';

/**
 * What recording a decision does: decides a submitted group, repeats the same decision with the
 * same reason (idempotent), or is refused (not submitted, or decided otherwise).
 */
export function groupDecisionAction(
  group: { state: GroupState; decisionReason: string | null },
  decision: { decision: GroupDecision; reason: string },
): 'decide' | 'repeat' | 'refuse' {
  if (group.state === decision.decision && group.decisionReason === decision.reason)
    return 'repeat';
  return group.state === 'submitted' ? 'decide' : 'refuse';
}
