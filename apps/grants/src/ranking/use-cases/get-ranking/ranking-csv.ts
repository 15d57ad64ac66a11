import { stringify } from 'csv-stringify/sync';
import { groszeToDecimalString } from '@app/common';
import type { RankingView } from './get-ranking.use-case.js';

/** The ranking list as CSV (`GET /api/calls/:id/ranking?format=csv`), amounts in PLN. */
export function rankingCsv(view: RankingView): string {
  const header = [
    'rank',
    'reference',
    'entity',
    'county',
    'score',
    'eligible_jobs',
    'submitted_at',
    'amount_pln',
    'status',
    'remaining_budget_pln',
  ];
  const lines = view.rows.map((r) => [
    r.rank ?? '',
    r.reference,
    r.entityName ?? '',
    r.county ?? '',
    r.score ?? '',
    r.eligibleJobs,
    r.submittedAt,
    groszeToDecimalString(r.amount),
    r.status,
    r.remainingBudget === null ? '' : groszeToDecimalString(r.remainingBudget),
  ]);
  return stringify([header, ...lines]);
}
