import type { Translate } from '../i18n/i18n.js';

// The services' answers as the staff's review pages read them (only the fields used here).

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'corrections-requested',
  'formally-accepted',
  'formally-rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** A conflict of the rules across applications (GET /api/applications/:id/conflicts). */
export interface ConflictBody {
  rule: string;
  path: string;
  message: { pl: string; en: string };
  conflictsWith: {
    applicationId: string;
    reference: string;
    scope: 'call' | 'programme';
    jobs?: number;
    path?: string;
  }[];
  jobs?: number;
  limit?: number;
}

/** A call as grants lists it for staff (GET /api/calls). */
export interface StaffCallBody {
  id: string;
  number: string;
  title: string;
  status: string;
  closesAt: string;
  budget: number;
  correctionTermWorkingDays: number;
  rankingApprovedAt: string | null;
  rankingVersion: number;
}

/** A row of a call's ranking (GET /api/calls/:callId/ranking). */
export interface RankingRowBody {
  rank: number | null;
  applicationId: string;
  decisionId: string | null;
  reference: string;
  entityName: string | null;
  county: string | null;
  score: number | null;
  passed: boolean | null;
  eligibleJobs: number;
  submittedAt: string;
  amount: number;
  status: 'funded' | 'reserve' | 'below-threshold' | 'given-up' | 'pending-evaluation';
  remainingBudget: number | null;
}

export interface RankingBody {
  callId: string;
  callNumber: string;
  approved: boolean;
  approvedAt: string | null;
  version: number;
  appealsSettled: boolean;
  budget: number;
  fundedTotal: number;
  remainingBudget: number;
  maxScore: number;
  requiredScore: number;
  rows: RankingRowBody[];
}

/** The GOV.UK tag of an application's state, for the staff. */
export function stateTag(state: string, t: Translate): { text: string; classes: string } {
  const colour: Record<string, string> = {
    draft: 'govuk-tag--grey',
    submitted: 'govuk-tag--blue',
    'corrections-requested': 'govuk-tag--yellow',
    'formally-accepted': 'govuk-tag--green',
    'formally-rejected': 'govuk-tag--red',
    withdrawn: 'govuk-tag--grey',
  };
  return { text: t(`review.state.${state}`), classes: colour[state] ?? 'govuk-tag--grey' };
}

/** The GOV.UK tag of a ranking row's standing. */
export function standingTag(status: string, t: Translate): { text: string; classes: string } {
  const colour: Record<string, string> = {
    funded: 'govuk-tag--green',
    reserve: 'govuk-tag--yellow',
    'below-threshold': 'govuk-tag--red',
    'given-up': 'govuk-tag--grey',
    'pending-evaluation': 'govuk-tag--blue',
  };
  return { text: t(`review.standing.${status}`), classes: colour[status] ?? 'govuk-tag--grey' };
}

/** One line of a textarea per item (issues to correct, reasons of a rejection), blanks dropped. */
export function linesOf(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A ranking row as the page shows it: whether the budget line comes after it, and ties. */
export interface RankingLine<R extends RankingRowBody = RankingRowBody> {
  row: R;
  /** The money ends after this row: the line is drawn below it. */
  lineAfter: boolean;
  /** Another ranked row has the same score (the order follows the tie-breakers). */
  tie: boolean;
}

/**
 * The ranked rows (with a place on the list) in order, where the budget line is drawn (after the
 * last funded row; before the first row when none is funded), and which rows tie on the score;
 * the rows without a place (below the threshold, not yet evaluated) apart.
 */
export function rankingLines<R extends RankingRowBody>(
  rows: readonly R[],
): { ranked: RankingLine<R>[]; lineBeforeFirst: boolean; unranked: R[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const unranked = rows.filter((r) => r.rank === null);
  let lastFunded = -1;
  ranked.forEach((r, i) => {
    if (r.status === 'funded') lastFunded = i;
  });
  const scores = new Map<number, number>();
  for (const r of ranked) {
    if (r.score !== null) scores.set(r.score, (scores.get(r.score) ?? 0) + 1);
  }
  return {
    ranked: ranked.map((row, i) => ({
      row,
      lineAfter: i === lastFunded && i < ranked.length - 1,
      tie: row.score !== null && (scores.get(row.score) ?? 0) > 1,
    })),
    lineBeforeFirst: lastFunded === -1 && ranked.length > 0,
    unranked,
  };
}
