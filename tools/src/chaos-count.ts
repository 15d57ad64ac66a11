import type pg from 'pg';
import { SERVICES } from './database-config.js';
import { judgeReference } from './chaos-verdict.js';
import type { SmtpSink } from './system/smtp-sink.js';

/** The template of the submission confirmation, the e-mail every reference must get once. */
export const CONFIRMATION_TEMPLATE = 'application-submitted';

export interface SettleState {
  submitted: number;
  mailed: number;
  grantsRows: number;
  /** References with a confirmation delivery row (any status). */
  confirmations: number;
  pendingDeliveries: number;
  unpublished: number;
  settled: boolean;
}

/**
 * The positive sign that the system has caught up: every submitted application's reference is in
 * grants' read model and was e-mailed (or has its confirmation in a final state), no delivery is
 * pending (nor leased) and every outbox is published. Throws while the database is unreachable
 * (the caller polls again).
 */
export async function settleState(
  db: pg.Pool,
  smtp: SmtpSink,
  accepted: Set<string>,
): Promise<SettleState> {
  const refs = await db.query<{ reference: string }>(
    `SELECT reference FROM applications.applications WHERE reference IS NOT NULL`,
  );
  const expected = new Set([...accepted, ...refs.rows.map((r) => r.reference)]);
  const [grants, confirmations, pending, unpublished] = await Promise.all([
    db.query<{ n: number }>(`SELECT count(DISTINCT reference)::int AS n FROM grants.applications`),
    db.query<{ n: number }>(
      `SELECT count(DISTINCT reference)::int AS n FROM notifications.deliveries WHERE template = $1`,
      [CONFIRMATION_TEMPLATE],
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications.deliveries WHERE status = 'pending'`,
    ),
    db.query<{ n: number }>(
      SERVICES.map(
        (s) => `SELECT count(*)::int AS n FROM ${s}.outbox WHERE published_at IS NULL`,
      ).join(' UNION ALL '),
    ),
  ]);
  const mailed = [...expected].filter((r) => smtp.firstArrival.has(r)).length;
  const state = {
    submitted: expected.size,
    mailed,
    grantsRows: grants.rows[0].n,
    confirmations: confirmations.rows[0].n,
    pendingDeliveries: pending.rows[0].n,
    unpublished: unpublished.rows.reduce((a, r) => a + r.n, 0),
    settled: false,
  };
  // Everything e-mailed — or nothing left to change: every confirmation queued and final (a
  // delivery that ended `failed` is not retried; the count reports it as lost).
  state.settled =
    (state.mailed === state.submitted || state.confirmations >= state.submitted) &&
    state.grantsRows >= state.submitted &&
    state.pendingDeliveries === 0 &&
    state.unpublished === 0;
  return state;
}

export interface Verdict {
  expected: number;
  lost: string[];
  duplicated: string[];
  resentSameId: string[];
  /** Why each lost or duplicated reference counts as such (first few). */
  reasons: Map<string, string>;
  unpublished: Record<string, number>;
  deadLetters: { schema: string; subject: string; error: string; n: number }[];
  deliveries: Record<string, number>;
  retriedDeliveries: number;
  gapFree: boolean;
}

/**
 * Counts per reference (the rule: `judgeReference`), plus every schema's unpublished outbox rows
 * and dead letters.
 */
export async function countVerdict(
  db: pg.Pool,
  smtp: SmtpSink,
  accepted: Set<string>,
): Promise<Verdict> {
  const byRef = async (sql: string) =>
    new Map(
      (await db.query<{ reference: string; n: number }>(sql)).rows.map((r) => [r.reference, r.n]),
    );
  const apps = await byRef(
    `SELECT reference, count(*)::int AS n FROM applications.applications WHERE reference IS NOT NULL GROUP BY 1`,
  );
  const grants = await byRef(
    `SELECT reference, count(*)::int AS n FROM grants.applications GROUP BY 1`,
  );
  const deliveryRows = await db.query<{ reference: string; n: number; sent: number }>(
    `SELECT reference, count(*)::int AS n, count(*) FILTER (WHERE status = 'sent')::int AS sent
       FROM notifications.deliveries WHERE template = $1 GROUP BY 1`,
    [CONFIRMATION_TEMPLATE],
  );
  const deliveriesByRef = new Map(deliveryRows.rows.map((r) => [r.reference, r]));
  const mails = new Map<string, Map<string, number>>();
  for (const m of smtp.messages) {
    if (!m.reference) continue;
    const ids = mails.get(m.reference) ?? new Map<string, number>();
    const id = m.messageId ?? '(none)';
    ids.set(id, (ids.get(id) ?? 0) + 1);
    mails.set(m.reference, ids);
  }

  const expected = new Set([...accepted, ...apps.keys()]);
  const verdict: Verdict = {
    expected: expected.size,
    lost: [],
    duplicated: [],
    resentSameId: [],
    reasons: new Map(),
    unpublished: {},
    deadLetters: [],
    deliveries: {},
    retriedDeliveries: 0,
    gapFree: false,
  };
  for (const ref of [...expected].sort()) {
    const delivery = deliveriesByRef.get(ref);
    const j = judgeReference({
      applicationRows: apps.get(ref) ?? 0,
      grantsRows: grants.get(ref) ?? 0,
      deliveryRows: delivery?.n ?? 0,
      sentDeliveryRows: delivery?.sent ?? 0,
      mails: mails.get(ref) ?? new Map<string, number>(),
    });
    if (j.lost.length) verdict.lost.push(ref);
    if (j.duplicated.length) verdict.duplicated.push(ref);
    if (j.resentSameId) verdict.resentSameId.push(ref);
    if (j.lost.length || j.duplicated.length)
      verdict.reasons.set(ref, [...j.lost, ...j.duplicated].join(', '));
  }

  for (const s of SERVICES) {
    const u = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${s}.outbox WHERE published_at IS NULL`,
    );
    verdict.unpublished[s] = u.rows[0].n;
    const d = await db.query<{ subject: string; error: string; n: number }>(
      `SELECT subject, left(error, 160) AS error, count(*)::int AS n FROM ${s}.dead_letters GROUP BY 1, 2`,
    );
    verdict.deadLetters.push(...d.rows.map((r) => ({ schema: s, ...r })));
  }
  const statuses = await db.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM notifications.deliveries GROUP BY 1`,
  );
  verdict.deliveries = Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]));
  const retried = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications.deliveries WHERE attempts > 1`,
  );
  verdict.retriedDeliveries = retried.rows[0].n;
  const numbers = [...apps.keys()].map((r) => Number(r.slice(10))).sort((a, b) => a - b);
  verdict.gapFree =
    numbers.length === 0 || numbers[numbers.length - 1] - numbers[0] + 1 === numbers.length;
  return verdict;
}
