import type { Criterion } from './scoring.js';

export type EvaluationStatus = 'assigned' | 'declared' | 'submitted' | 'conflict';
export type EvaluationRound = 'first' | 'third' | 'appeal';

/** One of the person's evaluations as `GET /api/evaluations` lists it (no application content). */
export interface Assignment {
  id: string;
  applicationId: string;
  callId: string;
  round: EvaluationRound;
  status: EvaluationStatus;
  assignedAt: string;
  /** The last day (Warsaw calendar day, `YYYY-MM-DD`). */
  dueDate: string;
  declaredAt: string | null;
  submittedAt: string | null;
  total: number | null;
  reference: string;
  callNumber: string;
}

/**
 * An evaluation with what the evaluator may read, as `GET /api/evaluations/:id` gives it after
 * the declaration: the application without personal data (no applicant's name or contact, no
 * employee's name or PESEL), the criteria, and what an appeal contests.
 */
export interface EvaluationDetail {
  id: string;
  applicationId: string;
  callId: string;
  round: EvaluationRound;
  status: EvaluationStatus;
  dueDate: string;
  submittedAt: string | null;
  scores: { criterionId: string; points: number; justification: string }[] | null;
  total: number | null;
  criteria: Criterion[];
  callNumber: string;
  appeal: { criteria: string[]; justification: string } | null;
  application: {
    id: string;
    reference: string;
    applicantKind: string | null;
    entityName: string | null;
    county: string | null;
    amount: number;
    jobs: {
      jobId: string;
      position: string;
      workingTime: string;
      eligiblePerson: boolean;
      plannedStart: string;
    }[];
    businessPlan: Record<string, string> | null;
  };
}

/** Today's calendar day in Warsaw (`YYYY-MM-DD`), the day due dates are compared with. */
export function warsawToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Warsaw',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Still to do: awaiting the declaration or the scores. */
export function isOpen(a: Assignment): boolean {
  return a.status === 'assigned' || a.status === 'declared';
}

/**
 * The list's order: what is still to do, overdue first, then by due date (earliest first); then
 * what was submitted, latest first; conflicts of interest apart.
 */
export function orderAssignments(
  items: readonly Assignment[],
  today: string,
): { open: Assignment[]; done: Assignment[]; conflicts: Assignment[] } {
  const open = items.filter(isOpen).sort((a, b) => {
    const late = Number(b.dueDate < today) - Number(a.dueDate < today);
    if (late !== 0) return late;
    return a.dueDate.localeCompare(b.dueDate) || a.reference.localeCompare(b.reference);
  });
  const done = items
    .filter((a) => a.status === 'submitted')
    .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
  const conflicts = items.filter((a) => a.status === 'conflict');
  return { open, done, conflicts };
}
