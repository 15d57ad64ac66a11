import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import {
  checkThreshold,
  evaluationOutcome,
  totalOf,
  validateScores,
  type Evaluation as ScoredEvaluation,
} from '../../../domain/index.js';
import { Call } from '../../../calls/call.entity.js';
import { GrantApplication } from '../../../applications/application.entity.js';
import { ResolveAppeal } from '../../../appeals/use-cases/resolve-appeal/resolve-appeal.use-case.js';
import { invalid } from '../../../shared/problems.js';
import type { Tx } from '../../../shared/tx.js';
import type { ScoresDto } from '../../evaluation.dto.js';
import { ownEvaluation } from '../../evaluation-access.js';
import { EvaluationErrors } from '../../evaluation.errors.js';
import { CallEvaluator, Evaluation } from '../../evaluation.entities.js';
import { AssignEvaluators } from '../assign-evaluators/assign-evaluators.use-case.js';

export interface SubmitScoresInput {
  readonly user: AuthUser;
  readonly evaluationId: string;
  readonly scores: ScoresDto;
}

function scoredOf(e: Evaluation): ScoredEvaluation {
  return { evaluatorId: e.evaluatorId, scores: e.scores ?? [] };
}

/**
 * An evaluator's scores (whole points within 0..max, each with a justification), after the
 * declaration. Then, in the same transaction: an appeal evaluation resolves its appeal; a first
 * or third one either calls a third evaluator or gives the final score and the threshold.
 */
@Injectable()
export class SubmitScores {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignEvaluators: AssignEvaluators,
    private readonly resolveAppeal: ResolveAppeal,
  ) {}

  execute({ user, evaluationId: id, scores: dto }: SubmitScoresInput): Promise<Evaluation> {
    return this.outbox.transaction(async (manager, emit) => {
      const found = await ownEvaluation(manager, user, id);
      // Application first, then the evaluation: scores of one application are handled one at a time.
      const application = await manager.findOne(GrantApplication, {
        where: { id: found.applicationId },
        lock: { mode: 'pessimistic_write' },
      });
      const evaluation = await manager.findOneOrFail(Evaluation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (evaluation.status === 'assigned' || evaluation.status === 'conflict') {
        throw ApiError.forbidden(EvaluationErrors.DECLARATION_REQUIRED, {
          pl: 'Ocena wymaga deklaracji bezstronności i poufności',
          en: 'Scoring needs the impartiality and confidentiality declaration',
        });
      }
      if (evaluation.status !== 'declared') {
        throw ApiError.conflict(EvaluationErrors.ALREADY_SCORED, {
          pl: 'Ocena została już złożona',
          en: 'The scores have already been submitted',
        });
      }
      const call = await manager.findOneOrFail(Call, { where: { id: evaluation.callId } });
      const scores = dto.scores.map((s) => ({
        criterionId: s.criterionId,
        points: s.points,
        justification: s.justification,
      }));
      const problems = validateScores(call.criteria, scores);
      if (problems.length > 0) throw invalid(problems);
      evaluation.scores = scores;
      evaluation.total = totalOf(scores);
      evaluation.status = 'submitted';
      evaluation.submittedAt = this.clock.now();
      await manager.save(evaluation);
      await this.audit.record(manager, {
        entityType: 'evaluation',
        entityId: id,
        action: 'scored',
        fromState: 'declared',
        toState: 'submitted',
        changes: { total: evaluation.total },
      });
      const evaluator = await manager.findOne(CallEvaluator, {
        where: { callId: evaluation.callId, userId: evaluation.evaluatorId },
      });
      await emit('grants.evaluation.submitted', {
        centreId: evaluation.centreId,
        evaluationId: evaluation.id,
        applicationId: evaluation.applicationId,
        reference: application?.reference ?? '',
        callId: evaluation.callId,
        evaluator: {
          userId: evaluation.evaluatorId,
          email: evaluator?.email ?? user.email,
          name: evaluator?.name ?? '',
          language: evaluator?.language ?? user.language,
        },
        submittedAt: evaluation.submittedAt.toISOString(),
      });
      if (application && application.state === 'formally-accepted') {
        if (evaluation.round === 'appeal') {
          await this.resolveAppeal.execute({ manager, emit }, { evaluation, application, call });
        } else {
          await this.advance({ manager, emit }, application, call);
        }
      }
      return evaluation;
    });
  }

  /** After a first-round or third score: a third evaluator, or the final score and the threshold. */
  private async advance(tx: Tx, application: GrantApplication, call: Call): Promise<void> {
    const { manager } = tx;
    const submitted = await manager.find(Evaluation, {
      where: { applicationId: application.id, status: 'submitted', round: In(['first', 'third']) },
      order: { seq: 'ASC' },
    });
    const first = submitted.filter((e) => e.round === 'first');
    const third = submitted.filter((e) => e.round === 'third');
    if (first.length < 2) return;
    const ordered = [...first.slice(0, 2), ...third.slice(0, 1)];
    const outcome = evaluationOutcome(call.criteria, ordered.map(scoredOf), call.divergencePercent);
    const before = application.evaluationStage;
    if (outcome.status === 'third-evaluator-needed') {
      if (application.evaluationStage !== 'third') {
        application.evaluationStage = 'third';
        application.updatedAt = this.clock.now();
        await manager.save(application);
        await this.audit.record(manager, {
          entityType: 'application',
          entityId: application.id,
          action: 'third-evaluator-needed',
          fromState: before,
          toState: 'third',
          changes: { totals: outcome.totals },
        });
        await this.assignEvaluators.execute(tx, { callId: call.id });
      }
      return;
    }
    if (outcome.status !== 'final') return;
    const counted = outcome.counted.map((c) =>
      ordered.find((e) => e.evaluatorId === c.evaluatorId)!,
    );
    const threshold = checkThreshold(
      call.criteria,
      outcome.score,
      outcome.counted,
      call.passThresholdPercent,
    );
    application.evaluationStage = 'final';
    application.finalScore = outcome.score;
    application.countedEvaluationIds = counted.map((e) => e.id);
    application.passed = threshold.passed;
    application.updatedAt = this.clock.now();
    await manager.save(application);
    await this.audit.record(manager, {
      entityType: 'application',
      entityId: application.id,
      action: 'evaluation-final',
      fromState: before,
      toState: 'final',
      changes: { totals: outcome.totals, finalScore: outcome.score, passed: threshold.passed },
    });
  }
}
