import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, workingDayTerm, type Emit, AuditService } from '@app/common';
import { Call } from '../calls/call.entity.js';
import { CallEvaluator, Evaluation, type EvaluationRound } from './evaluation.entities.js';

/** Evaluations that count towards an evaluator's load and an application's needs. */
const ACTIVE = ['assigned', 'declared', 'submitted'];

interface Need {
  applicationId: string;
  reference: string;
  round: EvaluationRound;
  missing: number;
  recruitedBy: string[];
  appealId: string | null;
}

/**
 * Gives applications the evaluators they lack, from the call's pool, spread evenly (fewest
 * evaluations in the call first; then the one added to the pool first). Never the centre's
 * trainers or advisers, anyone who recruited the applicant, or anyone who already has (or had,
 * conflict included) an evaluation of the application: an evaluator never scores it twice.
 *
 * What an application lacks: 2 first-round evaluators once formally accepted; a third when the
 * first two diverge; one appeal evaluator for a pending appeal. A conflict declaration or a new
 * pool member calls this again. Runs under a lock of the call row, so concurrent triggers of
 * one call do not pick from a stale load.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async fill(manager: EntityManager, emit: Emit, callId: string): Promise<number> {
    const call = await manager.findOne(Call, {
      where: { id: callId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!call) return 0;
    const needs = await this.needs(manager, callId);
    if (needs.length === 0) return 0;

    const pool = await manager.find(CallEvaluator, {
      where: { callId, trainerOrAdviser: false },
      order: { addedAt: 'ASC', userId: 'ASC' },
    });
    if (pool.length === 0) return 0;
    const loadRows: { evaluator_id: string; n: string }[] = await manager.query(
      `SELECT evaluator_id, count(*) AS n FROM grants.evaluations
        WHERE call_id = $1 AND status = ANY($2) GROUP BY evaluator_id`,
      [callId, ACTIVE],
    );
    const load = new Map(loadRows.map((r) => [r.evaluator_id, Number(r.n)]));
    const historyRows: { application_id: string; evaluator_id: string }[] = await manager.query(
      `SELECT application_id, evaluator_id FROM grants.evaluations WHERE application_id = ANY($1)`,
      [needs.map((n) => n.applicationId)],
    );
    const history = new Map<string, Set<string>>();
    for (const row of historyRows) {
      if (!history.has(row.application_id)) history.set(row.application_id, new Set());
      history.get(row.application_id)!.add(row.evaluator_id);
    }
    const seqRows: { application_id: string; seq: number }[] = await manager.query(
      `SELECT application_id, max(seq) AS seq FROM grants.evaluations WHERE application_id = ANY($1) GROUP BY application_id`,
      [needs.map((n) => n.applicationId)],
    );
    const seqs = new Map(seqRows.map((r) => [r.application_id, Number(r.seq)]));

    const now = this.clock.now();
    const term = workingDayTerm(now, call.evaluationTermWorkingDays);
    let assigned = 0;
    for (const need of needs) {
      const excluded = history.get(need.applicationId) ?? new Set<string>();
      for (let i = 0; i < need.missing; i++) {
        const candidates = pool
          .filter((e) => !excluded.has(e.userId) && !need.recruitedBy.includes(e.userId))
          .sort((a, b) => (load.get(a.userId) ?? 0) - (load.get(b.userId) ?? 0));
        const chosen = candidates[0];
        if (!chosen) break;
        const seq = (seqs.get(need.applicationId) ?? 0) + 1;
        seqs.set(need.applicationId, seq);
        excluded.add(chosen.userId);
        history.set(need.applicationId, excluded);
        load.set(chosen.userId, (load.get(chosen.userId) ?? 0) + 1);
        const evaluation = await manager.save(
          manager.create(Evaluation, {
            applicationId: need.applicationId,
            callId,
            evaluatorId: chosen.userId,
            round: need.round,
            seq,
            status: 'assigned',
            assignedAt: now,
            dueDate: term.lastDay,
            declaredAt: null,
            conflictReason: null,
            scores: null,
            total: null,
            submittedAt: null,
            overdueNotifiedAt: null,
          }),
        );
        if (need.appealId) {
          await manager.query(`UPDATE grants.appeals SET evaluation_id = $2 WHERE id = $1`, [
            need.appealId,
            evaluation.id,
          ]);
        }
        await this.audit.record(manager, {
          actorId: null,
          entityType: 'evaluation',
          entityId: evaluation.id,
          action: 'assigned',
          toState: 'assigned',
          changes: {
            applicationId: need.applicationId,
            evaluatorId: chosen.userId,
            round: need.round,
            dueDate: term.lastDay,
          },
        });
        await emit('grants.evaluation.assigned', {
          evaluationId: evaluation.id,
          applicationId: need.applicationId,
          reference: need.reference,
          callId,
          callNumber: call.number,
          round: need.round,
          assignedAt: now.toISOString(),
          dueDate: term.lastDay,
          deadline: term.deadline.toISOString(),
          evaluator: {
            userId: chosen.userId,
            email: chosen.email,
            name: chosen.name,
            language: chosen.language,
          },
        });
        assigned++;
      }
    }
    return assigned;
  }

  private async needs(manager: EntityManager, callId: string): Promise<Need[]> {
    const rows: {
      id: string;
      reference: string;
      evaluation_stage: string;
      recruited_by: string[];
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
      recruited_by: string[];
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
}
