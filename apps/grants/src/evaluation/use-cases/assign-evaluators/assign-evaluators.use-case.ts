import { Injectable } from '@nestjs/common';
import { AuditService, Clock, workingDayTerm } from '@app/common';
import { chooseEvaluators } from '../../../domain/index.js';
import { Call } from '../../../calls/call.entity.js';
import type { Tx } from '../../../shared/tx.js';
import { CallEvaluator, Evaluation } from '../../evaluation.entities.js';
import { evaluatorLoad, evaluatorNeeds, lastSequences } from './evaluator-needs.js';

export interface AssignEvaluatorsInput {
  readonly callId: string;
}

/**
 * Gives the call's applications the evaluators they lack (`evaluatorNeeds`), chosen from its pool
 * by the rule of domain `chooseEvaluators` (spread evenly, never the centre's trainers, the
 * applicant's recruiters, nor anyone who had the application). Each evaluation is due
 * `evaluationTermWorkingDays` after the assignment, and its evaluator is told.
 *
 * Called whenever that may change what is lacking: a formal acceptance, a third evaluator needed,
 * an appeal, a conflict declaration, a change in the pool. Runs under a lock of the call row, so
 * concurrent triggers of one call do not choose from a stale load. Returns how many it assigned.
 */
@Injectable()
export class AssignEvaluators {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async execute({ manager, emit }: Tx, { callId }: AssignEvaluatorsInput): Promise<number> {
    const call = await manager.findOne(Call, {
      where: { id: callId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!call) return 0;
    const needs = await evaluatorNeeds(manager, callId);
    if (needs.length === 0) return 0;
    const pool = await manager.find(CallEvaluator, { where: { callId } });
    if (pool.length === 0) return 0;
    const applicationIds = needs.map((n) => n.applicationId);
    const choices = chooseEvaluators(
      pool.map((member) => ({
        userId: member.userId,
        addedAt: member.addedAt.toISOString(),
        trainerOrAdviser: member.trainerOrAdviser,
        member,
      })),
      needs,
      await evaluatorLoad(manager, callId, applicationIds),
    );
    const seqs = await lastSequences(manager, applicationIds);

    const now = this.clock.now();
    const term = workingDayTerm(now, call.evaluationTermWorkingDays);
    for (const { need, evaluator } of choices) {
      const chosen = evaluator.member;
      const seq = (seqs.get(need.applicationId) ?? 0) + 1;
      seqs.set(need.applicationId, seq);
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
        centreId: call.centreId,
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
    }
    return choices.length;
  }
}
