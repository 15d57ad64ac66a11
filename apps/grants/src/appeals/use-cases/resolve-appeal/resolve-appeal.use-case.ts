import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService, Clock } from '@app/common';
import { checkThreshold, resolveAppeal } from '../../../domain/index.js';
import type { Call } from '../../../calls/call.entity.js';
import type { GrantApplication } from '../../../applications/application.entity.js';
import { Evaluation } from '../../../evaluation/evaluation.entities.js';
import { Decision } from '../../../ranking/decision.entity.js';
import type { Tx } from '../../../shared/tx.js';
import { Appeal } from '../../appeal.entity.js';
import { SettleAppeals } from '../settle-appeals/settle-appeals.use-case.js';

export interface ResolveAppealInput {
  /** The appeal evaluator's evaluation, just scored. */
  readonly evaluation: Evaluation;
  readonly application: GrantApplication;
  readonly call: Call;
}

/**
 * The appeal evaluator's scores are in (in the scoring transaction): the new score replaces the
 * lower counted one without ever lowering the final score (domain `resolveAppeal`); a
 * below-threshold application that now passes moves to the reserve list. The result is final.
 */
@Injectable()
export class ResolveAppeal {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settleAppeals: SettleAppeals,
  ) {}

  async execute(tx: Tx, { evaluation, application, call }: ResolveAppealInput): Promise<void> {
    const { manager, emit } = tx;
    const appeal = await manager.findOne(Appeal, {
      where: { evaluationId: evaluation.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!appeal || appeal.status !== 'pending') return;
    const originals = await manager.find(Evaluation, {
      where: { applicationId: application.id, status: 'submitted', round: In(['first', 'third']) },
      order: { seq: 'ASC' },
    });
    const ordered = [
      ...originals.filter((e) => e.round === 'first').slice(0, 2),
      ...originals.filter((e) => e.round === 'third').slice(0, 1),
    ];
    const resolution = resolveAppeal(
      ordered.map((e) => ({ evaluatorId: e.evaluatorId, total: e.total ?? 0 })),
      { evaluatorId: evaluation.evaluatorId, total: evaluation.total ?? 0 },
    );
    if (!resolution.ok)
      throw new Error(
        `Appeal ${appeal.id} cannot be resolved: ${JSON.stringify(resolution.problems)}`,
      );
    const result = resolution.value.result;
    const all = [...ordered, evaluation];
    const counted = result.countedEvaluatorIds.map((id) => all.find((e) => e.evaluatorId === id)!);
    const threshold = checkThreshold(
      call.criteria,
      result.score,
      counted.map((e) => ({ evaluatorId: e.evaluatorId, scores: e.scores ?? [] })),
      call.passThresholdPercent,
    );
    // The score never drops because of an appeal, and neither does the applicant's position.
    const passed = application.passed === true || threshold.passed;
    const now = this.clock.now();
    const scoreBefore = application.finalScore ?? 0;
    application.finalScore = result.score;
    application.countedEvaluationIds = counted.map((e) => e.id);
    application.passed = passed;
    application.updatedAt = now;
    await manager.save(application);

    const decision = await manager.findOneOrFail(Decision, {
      where: { id: appeal.decisionId },
      lock: { mode: 'pessimistic_write' },
    });
    const standingBefore = decision.standing;
    decision.score = result.score;
    if (decision.standing === 'below-threshold' && passed) decision.standing = 'reserve';
    decision.updatedAt = now;
    await manager.save(decision);

    appeal.status = resolution.value.raised ? 'upheld' : 'dismissed';
    appeal.scoreAfter = result.score;
    appeal.resolvedAt = now;
    await manager.save(appeal);
    await this.audit.record(manager, {
      entityType: 'appeal',
      entityId: appeal.id,
      action: 'resolved',
      fromState: 'pending',
      toState: appeal.status,
      changes: {
        scoreBefore,
        scoreAfter: result.score,
        replacedEvaluatorId: resolution.value.replacedEvaluatorId,
        decisionStanding: { from: standingBefore, to: decision.standing },
      },
    });
    await emit('grants.appeal.resolved', {
      centreId: application.centreId,
      appealId: appeal.id,
      decisionId: decision.id,
      applicationId: application.id,
      reference: application.reference,
      callId: call.id,
      outcome: appeal.status === 'upheld' ? 'upheld' : 'dismissed',
      scoreBefore,
      scoreAfter: result.score,
      passed,
      resolvedAt: now.toISOString(),
      applicant: application.applicant,
    });
    await this.settleAppeals.execute(tx, { callId: call.id });
  }
}
