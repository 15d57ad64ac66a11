import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, warsawDate } from '@app/common';

export interface GetWorklistQuery {
  /** How many items of each kind to list beside its count. */
  readonly limit: number;
}

/** One kind of work: how many, and the first few (oldest or most urgent first). */
export interface WorkItems<T> {
  count: number;
  items: T[];
}

export interface Worklist {
  /** The Warsaw calendar day the list was computed for. */
  today: string;
  evaluationsOverdue: WorkItems<{
    id: string;
    applicationId: string;
    callId: string;
    reference: string;
    round: string;
    dueDate: string;
    /** The evaluator's name in the call's pool (whom to contact). */
    evaluatorName: string | null;
  }>;
  rankingsReady: WorkItems<{ callId: string; number: string; title: string; closesAt: Date }>;
  agreementsToPrepare: WorkItems<{ awardId: string; reference: string; grantedAt: Date }>;
  paymentsDue: WorkItems<{ awardId: string; reference: string; amount: number; paidTotal: number }>;
  reportsOverdue: WorkItems<{
    awardId: string;
    jobId: string;
    reference: string;
    period: string;
    dueDate: string;
  }>;
  vacancies: WorkItems<{
    awardId: string;
    jobId: string;
    reference: string;
    position: string;
    refillDeadline: string | null;
  }>;
  refunds: WorkItems<{
    awardId: string;
    jobId: string;
    reference: string;
    total: number;
    dueDate: string;
  }>;
}

/**
 * The operator's to-do list in grants (docs/portal.md, `/biuro`): for each kind of work the count
 * and the first few items, of the caller's centres only (the row-level policies wall the
 * queries). What counts as work:
 * - an evaluation overdue: assigned or declared, due before today;
 * - a ranking ready to approve: a published call that has closed, whose ranking is not approved,
 *   with evaluations and none of them still open;
 * - an agreement to prepare: an award granted whose agreement is not yet prepared;
 * - a payment due: a signed agreement not yet paid in full;
 * - a job report overdue: pending and due before today;
 * - a vacancy: a job vacant and not yet refilled;
 * - a refund: a refund demand not yet due (the ones whose term runs).
 */
@Injectable()
export class GetWorklist {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute({ limit }: GetWorklistQuery): Promise<Worklist> {
    const now = this.clock.now();
    const today = warsawDate(now);
    const q = this.dataSource.manager;
    // One statement per kind: the first rows with the whole count beside each (a window count).
    const section = async <T>(
      from: string,
      select: string,
      order: string,
      params: unknown[],
    ): Promise<WorkItems<T>> => {
      const rows: (T & { __total: number })[] = await q.query(
        `SELECT ${select}, count(*) OVER ()::int AS "__total" ${from} ORDER BY ${order} LIMIT ${Number(limit)}`,
        params,
      );
      return {
        count: rows[0]?.__total ?? 0,
        items: rows.map(({ __total, ...item }) => item as unknown as T),
      };
    };
    const [
      evaluationsOverdue,
      rankingsReady,
      agreementsToPrepare,
      paymentsDue,
      reportsOverdue,
      vacancies,
      refunds,
    ] = await Promise.all([
      section<Worklist['evaluationsOverdue']['items'][number]>(
        `FROM grants.evaluations e JOIN grants.applications a ON a.id = e.application_id
          LEFT JOIN grants.call_evaluators p ON p.call_id = e.call_id AND p.user_id = e.evaluator_id
          WHERE e.status IN ('assigned', 'declared') AND e.due_date < $1::date`,
        `e.id, e.application_id AS "applicationId", e.call_id AS "callId", a.reference, e.round,
         e.due_date::text AS "dueDate", p.name AS "evaluatorName"`,
        'e.due_date, a.reference',
        [today],
      ),
      section<Worklist['rankingsReady']['items'][number]>(
        `FROM grants.calls c
          WHERE c.status = 'published' AND c.closes_at <= $1 AND c.ranking_approved_at IS NULL
            AND EXISTS (SELECT 1 FROM grants.evaluations e WHERE e.call_id = c.id AND e.status = 'submitted')
            AND NOT EXISTS (SELECT 1 FROM grants.evaluations e
                             WHERE e.call_id = c.id AND e.status IN ('assigned', 'declared'))`,
        `c.id AS "callId", c.number, c.title, c.closes_at AS "closesAt"`,
        'c.closes_at, c.number',
        [now],
      ),
      section<Worklist['agreementsToPrepare']['items'][number]>(
        `FROM grants.awards w WHERE w.status = 'granted' AND w.agreement_prepared_at IS NULL`,
        `w.id AS "awardId", w.reference, w.granted_at AS "grantedAt"`,
        'w.granted_at, w.reference',
        [],
      ),
      section<Worklist['paymentsDue']['items'][number]>(
        `FROM grants.awards w WHERE w.status = 'agreement-signed' AND w.paid_total < w.amount`,
        `w.id AS "awardId", w.reference, w.amount::float8 AS amount, w.paid_total::float8 AS "paidTotal"`,
        'w.signed_on, w.reference',
        [],
      ),
      section<Worklist['reportsOverdue']['items'][number]>(
        `FROM grants.job_reports r JOIN grants.awards w ON w.id = r.award_id
          WHERE r.status = 'pending' AND r.due_date < $1::date`,
        `r.award_id AS "awardId", r.job_id AS "jobId", w.reference, r.period,
         r.due_date::text AS "dueDate"`,
        'r.due_date, w.reference',
        [today],
      ),
      section<Worklist['vacancies']['items'][number]>(
        `FROM grants.award_jobs j JOIN grants.awards w ON w.id = j.award_id WHERE j.status = 'vacant'`,
        `j.award_id AS "awardId", j.id AS "jobId", w.reference, j.position,
         j.refill_deadline::text AS "refillDeadline"`,
        'j.refill_deadline NULLS LAST, w.reference',
        [],
      ),
      section<Worklist['refunds']['items'][number]>(
        `FROM grants.refund_claims f JOIN grants.awards w ON w.id = f.award_id
          WHERE f.due_date >= $1::date`,
        `f.award_id AS "awardId", f.job_id AS "jobId", w.reference, f.total::float8 AS total,
         f.due_date::text AS "dueDate"`,
        'f.due_date, w.reference',
        [today],
      ),
    ]);
    return {
      today,
      evaluationsOverdue,
      rankingsReady,
      agreementsToPrepare,
      paymentsDue,
      reportsOverdue,
      vacancies,
      refunds,
    };
  }
}
