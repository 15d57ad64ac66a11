import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  isStaff,
  type AuthUser,
  type Emit,
  AuditService,
} from '@app/common';
import { checkThreshold, resolveAppeal } from '../domain/index.js';
import { Call } from '../calls/call.entity.js';
import { GrantApplication } from '../applications/application.entity.js';
import { AssignmentService } from '../evaluation/assignment.service.js';
import { Evaluation } from '../evaluation/evaluation.entities.js';
import { Decision } from '../ranking/decision.entity.js';
import { RankingService } from '../ranking/ranking.service.js';
import { field, invalid, isUniqueViolation } from '../shared/problems.js';
import { Appeal } from './appeal.entity.js';
import type { AppealDto } from './appeals.dto.js';

const DECISION_NOT_FOUND = { pl: 'Nie ma takiej decyzji', en: 'No such decision' };

/**
 * Appeals (odwołania) against decisions: filed by the applicant within the appeal term, scored
 * again by an evaluator who never scored the application (assigned like any evaluation), the
 * new score replacing the lower counted one without ever lowering the final score (domain
 * `resolveAppeal`). The result is final.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignment: AssignmentService,
    private readonly ranking: RankingService,
  ) {}

  /** A decision as its applicant (own only, 404 otherwise) or staff may see it. */
  async decisionFor(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager) {
    const decision = await manager.findOne(Decision, { where: { id } });
    if (!decision) throw ApiError.notFound(DECISION_NOT_FOUND);
    const application = await manager.findOneOrFail(GrantApplication, {
      where: { id: decision.applicationId },
    });
    const staff = isStaff(user);
    if (!staff && application.applicantUserId !== user.id)
      throw ApiError.notFound(DECISION_NOT_FOUND);
    const appeal = await manager.findOne(Appeal, { where: { decisionId: id } });
    return { decision, application, appeal };
  }

  async listDecisions(user: AuthUser, callId?: string) {
    const staff = isStaff(user);
    const qb = this.dataSource
      .getRepository(Decision)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.application', GrantApplication, 'a', 'a.id = d.applicationId');
    if (!staff) qb.where('a.applicantUserId = :user', { user: user.id });
    if (callId) qb.andWhere('d.callId = :callId', { callId });
    const rows = (await qb.orderBy('d.decidedAt', 'DESC').limit(500).getMany()) as (Decision & {
      application: GrantApplication;
    })[];
    return rows;
  }

  async file(user: AuthUser, decisionId: string, dto: AppealDto): Promise<Appeal> {
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        const { decision, application } = await this.decisionFor(user, decisionId, manager);
        if (application.applicantUserId !== user.id) {
          throw ApiError.forbidden('NOT_THE_APPLICANT', {
            pl: 'Odwołanie może złożyć tylko wnioskodawca',
            en: 'Only the applicant may appeal',
          });
        }
        const call = await manager.findOneOrFail(Call, { where: { id: decision.callId } });
        const now = this.clock.now();
        if (decision.outcome === 'funded') {
          throw ApiError.unprocessable('NOTHING_TO_APPEAL', {
            pl: 'Wniosek otrzymał dofinansowanie: nie ma od czego się odwołać',
            en: 'The application was funded: there is nothing to appeal',
          });
        }
        if (now > decision.appealDeadline) {
          throw ApiError.unprocessable('APPEAL_TERM_OVER', {
            pl: `Termin na odwołanie minął ${decision.appealLastDay}`,
            en: `The appeal term ended on ${decision.appealLastDay}`,
          });
        }
        const known = new Set(call.criteria.map((c) => c.id));
        const problems = dto.criteria.flatMap((id, i) =>
          known.has(id) ? [] : [field(`criteria[${i}]`, 'Nieznane kryterium', 'Unknown criterion')],
        );
        if (new Set(dto.criteria).size !== dto.criteria.length) {
          problems.push(field('criteria', 'Kryteria powtarzają się', 'Criteria are repeated'));
        }
        if (problems.length > 0) throw invalid(problems);
        const appeal = await manager.save(
          manager.create(Appeal, {
            decisionId,
            applicationId: application.id,
            callId: call.id,
            criteria: dto.criteria,
            justification: dto.justification,
            filedBy: user.id,
            filedAt: now,
            status: 'pending',
            evaluationId: null,
            scoreBefore: application.finalScore ?? 0,
            scoreAfter: null,
            resolvedAt: null,
          }),
        );
        await this.audit.record(manager, {
          entityType: 'appeal',
          entityId: appeal.id,
          action: 'filed',
          toState: 'pending',
          changes: { decisionId, criteria: dto.criteria },
        });
        await this.assignment.fill(manager, emit, call.id);
        return await manager.findOneOrFail(Appeal, { where: { id: appeal.id } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict('APPEAL_ALREADY_FILED', {
          pl: 'Odwołanie od tej decyzji zostało już złożone',
          en: 'An appeal against this decision has already been filed',
        });
      }
      throw error;
    }
  }

  /** The appeal evaluator's scores are in: the appeal is resolved (in the scoring transaction). */
  async resolve(
    manager: EntityManager,
    emit: Emit,
    evaluation: Evaluation,
    application: GrantApplication,
    call: Call,
  ): Promise<void> {
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
    await this.ranking.settleAppeals(manager, emit, call.id);
  }
}
