import type { EntityManager } from 'typeorm';
import type { EvaluatorLoad, EvaluatorNeed } from '../../../domain/index.js';
import type { EvaluationRound } from '../../evaluation.entities.js';

/** Evaluations that count towards an evaluator's load and an application's needs. */
const ACTIVE = ['assigned', 'declared', 'submitted'];

export interface Need extends EvaluatorNeed {
  readonly reference: string;
  readonly round: EvaluationRound;
  /** The appeal the evaluator is for (appeal round). */
  readonly appealId: string | null;
}

/**
 * What the call's applications lack: 2 first-round evaluators once formally accepted; a third
 * when the first two diverge; one appeal evaluator for a pending appeal whose evaluator is not
 * there (none yet, or one who declared a conflict or was taken off).
 */
export async function evaluatorNeeds(manager: EntityManager, callId: string): Promise<Need[]> {
  const rows: {
    id: string;
    reference: string;
    evaluation_stage: string;
    recruited_by: string[] | null;
    active_first: string;
    active_third: string;
  }[] = await manager.query(
    `SELECT a.id, a.reference, a.evaluation_stage, a.recruited_by,
            count(e.id) FILTER (WHERE e.round = 'first' AND e.status = ANY($2)) AS active_first,
            count(e.id) FILTER (WHERE e.round = 'third' AND e.status = ANY($2)) AS active_third
       FROM grants.applications a
       LEFT JOIN grants.evaluations e ON e.application_id = a.id
      WHERE a.call_id = $1 AND a.state = 'formally-accepted' AND a.evaluation_stage IN ('first', 'third')
      GROUP BY a.id
      ORDER BY a.accepted_at, a.id`,
    [callId, ACTIVE],
  );
  const needs: Need[] = [];
  for (const row of rows) {
    const missing =
      row.evaluation_stage === 'first'
        ? 2 - Number(row.active_first)
        : 1 - Number(row.active_third);
    if (missing > 0) {
      needs.push({
        applicationId: row.id,
        reference: row.reference,
        round: row.evaluation_stage === 'first' ? 'first' : 'third',
        missing,
        recruitedBy: row.recruited_by ?? [],
        appealId: null,
      });
    }
  }
  const appeals: {
    id: string;
    application_id: string;
    reference: string;
    recruited_by: string[] | null;
  }[] = await manager.query(
    `SELECT p.id, p.application_id, a.reference, a.recruited_by
         FROM grants.appeals p
         JOIN grants.applications a ON a.id = p.application_id
         LEFT JOIN grants.evaluations e ON e.id = p.evaluation_id
        WHERE p.call_id = $1 AND p.status = 'pending'
          AND (p.evaluation_id IS NULL OR e.status IN ('conflict', 'cancelled'))
        ORDER BY p.filed_at, p.id`,
    [callId],
  );
  for (const appeal of appeals) {
    needs.push({
      applicationId: appeal.application_id,
      reference: appeal.reference,
      round: 'appeal',
      missing: 1,
      recruitedBy: appeal.recruited_by ?? [],
      appealId: appeal.id,
    });
  }
  return needs;
}

/** Each evaluator's active evaluations in the call, and who has or had each needy application. */
export async function evaluatorLoad(
  manager: EntityManager,
  callId: string,
  applicationIds: readonly string[],
): Promise<EvaluatorLoad> {
  const loadRows: { evaluator_id: string; n: string }[] = await manager.query(
    `SELECT evaluator_id, count(*) AS n FROM grants.evaluations
      WHERE call_id = $1 AND status = ANY($2) GROUP BY evaluator_id`,
    [callId, ACTIVE],
  );
  const historyRows: { application_id: string; evaluator_id: string }[] = await manager.query(
    `SELECT application_id, evaluator_id FROM grants.evaluations WHERE application_id = ANY($1)`,
    [applicationIds],
  );
  const evaluatedBy = new Map<string, Set<string>>();
  for (const row of historyRows) {
    if (!evaluatedBy.has(row.application_id)) evaluatedBy.set(row.application_id, new Set());
    evaluatedBy.get(row.application_id)!.add(row.evaluator_id);
  }
  return { load: new Map(loadRows.map((r) => [r.evaluator_id, Number(r.n)])), evaluatedBy };
}

/** The highest evaluation sequence number of each application (a new one takes the next). */
export async function lastSequences(
  manager: EntityManager,
  applicationIds: readonly string[],
): Promise<Map<string, number>> {
  const rows: { application_id: string; seq: number }[] = await manager.query(
    `SELECT application_id, max(seq) AS seq FROM grants.evaluations WHERE application_id = ANY($1) GROUP BY application_id`,
    [applicationIds],
  );
  return new Map(rows.map((r) => [r.application_id, Number(r.seq)]));
}
