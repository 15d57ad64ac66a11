import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  ApiError,
  Clock,
  OutboxService,
  type AuthUser,
  type Emit,
  AuditService,
} from '@app/common';
import {
  checkThreshold,
  evaluationOutcome,
  totalOf,
  validateScores,
  type Evaluation as ScoredEvaluation,
} from '../domain/index.js';
import { Call } from '../calls/call.entity.js';
import { GrantApplication } from '../applications/application.entity.js';
import { AppealsService } from '../appeals/appeals.service.js';
import { invalid } from '../shared/problems.js';
import { AssignmentService } from './assignment.service.js';
import { CallEvaluator, Evaluation } from './evaluation.entities.js';
import type { DeclarationDto, PoolMemberDto, ScoresDto } from './evaluation.dto.js';

const NOT_FOUND = { pl: 'Nie ma takiej oceny', en: 'No such evaluation' };

export function scoredOf(e: Evaluation): ScoredEvaluation {
  return { evaluatorId: e.evaluatorId, scores: e.scores ?? [] };
}

@Injectable()
export class EvaluationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignment: AssignmentService,
    private readonly appeals: AppealsService,
  ) {}

  // ----- the evaluator pool of a call -----

  async pool(callId: string): Promise<CallEvaluator[]> {
    await this.callOrThrow(this.dataSource.manager, callId);
    return this.dataSource
      .getRepository(CallEvaluator)
      .find({ where: { callId }, order: { addedAt: 'ASC', userId: 'ASC' } });
  }

  /** Adds an evaluator to the call's pool (or changes their entry), then assigns what is missing. */
  async putPoolMember(callId: string, dto: PoolMemberDto): Promise<CallEvaluator> {
    return this.outbox.transaction(async (manager, emit) => {
      await this.callOrThrow(manager, callId, true);
      const existing = await manager.findOne(CallEvaluator, {
        where: { callId, userId: dto.userId },
      });
      if (dto.chair) {
        await manager.query(
          `UPDATE grants.call_evaluators SET chair = false WHERE call_id = $1 AND chair`,
          [callId],
        );
      }
      const member = manager.create(CallEvaluator, {
        callId,
        userId: dto.userId,
        email: dto.email,
        name: dto.name,
        language: dto.language ?? existing?.language ?? 'pl',
        trainerOrAdviser: dto.trainerOrAdviser,
        chair: dto.chair ?? existing?.chair ?? false,
        addedAt: existing?.addedAt ?? this.clock.now(),
      });
      await manager.save(member);
      if (dto.trainerOrAdviser) {
        // A trainer or adviser of the centre may not evaluate: what they have not scored goes to someone else.
        await manager.query(
          `UPDATE grants.evaluations SET status = 'cancelled'
            WHERE call_id = $1 AND evaluator_id = $2 AND status IN ('assigned', 'declared')`,
          [callId, dto.userId],
        );
      }
      await this.audit.record(manager, {
        entityType: 'call-evaluator',
        entityId: callId,
        action: existing ? 'pool-member-updated' : 'pool-member-added',
        changes: { ...dto },
      });
      await this.assignment.fill(manager, emit, callId);
      return member;
    });
  }

  private async callOrThrow(manager: EntityManager, callId: string, lock = false): Promise<Call> {
    const call = await manager.findOne(Call, {
      where: { id: callId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!call) throw ApiError.notFound({ pl: 'Nie ma takiego naboru', en: 'No such call' });
    return call;
  }

  // ----- an evaluator's own evaluations -----

  listMine(
    user: AuthUser,
  ): Promise<{ evaluation: Evaluation; reference: string; callNumber: string }[]> {
    return this.dataSource
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .innerJoin(GrantApplication, 'a', 'a.id = e.applicationId')
      .innerJoin(Call, 'c', 'c.id = e.callId')
      .addSelect(['a.reference', 'c.number'])
      .where('e.evaluatorId = :id', { id: user.id })
      .andWhere(`e.status <> 'cancelled'`)
      .orderBy('e.assignedAt', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((evaluation, i) => ({
          evaluation,
          reference: raw[i].a_reference as string,
          callNumber: raw[i].c_number as string,
        })),
      );
  }

  /** Own evaluation only (404 otherwise); its application only after the declaration (403 before). */
  async getForEvaluator(user: AuthUser, id: string) {
    const evaluation = await this.dataSource
      .getRepository(Evaluation)
      .findOne({ where: { id, evaluatorId: user.id } });
    if (!evaluation || evaluation.status === 'cancelled') throw ApiError.notFound(NOT_FOUND);
    if (evaluation.status === 'assigned') {
      throw ApiError.forbidden('DECLARATION_REQUIRED', {
        pl: 'Przed zapoznaniem się z wnioskiem złóż deklarację bezstronności i poufności',
        en: 'Sign the impartiality and confidentiality declaration before seeing the application',
      });
    }
    if (evaluation.status === 'conflict') {
      throw ApiError.forbidden('CONFLICT_OF_INTEREST', {
        pl: 'Zgłoszono konflikt interesów: wniosek oceni ktoś inny',
        en: 'A conflict of interest was declared: someone else evaluates the application',
      });
    }
    const application = await this.dataSource
      .getRepository(GrantApplication)
      .findOneOrFail({ where: { id: evaluation.applicationId } });
    const call = await this.dataSource
      .getRepository(Call)
      .findOneOrFail({ where: { id: evaluation.callId } });
    const appeal =
      evaluation.round === 'appeal'
        ? await this.dataSource.query(
            `SELECT criteria, justification FROM grants.appeals WHERE evaluation_id = $1`,
            [id],
          )
        : [];
    return { evaluation, application, call, appeal: appeal[0] ?? null };
  }

  async declare(user: AuthUser, id: string, dto: DeclarationDto): Promise<Evaluation> {
    return this.outbox.transaction(async (manager, emit) => {
      const evaluation = await manager.findOne(Evaluation, {
        where: { id, evaluatorId: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!evaluation || evaluation.status === 'cancelled') throw ApiError.notFound(NOT_FOUND);
      if (evaluation.status !== 'assigned') {
        throw ApiError.conflict('ALREADY_DECLARED', {
          pl: 'Deklaracja do tej oceny została już złożona',
          en: 'The declaration for this evaluation has already been made',
        });
      }
      const now = this.clock.now();
      evaluation.declaredAt = now;
      if (dto.conflictOfInterest) {
        evaluation.status = 'conflict';
        evaluation.conflictReason = dto.reason ?? null;
      } else {
        evaluation.status = 'declared';
      }
      await manager.save(evaluation);
      await this.audit.record(manager, {
        entityType: 'evaluation',
        entityId: id,
        action: dto.conflictOfInterest ? 'conflict-declared' : 'impartiality-declared',
        fromState: 'assigned',
        toState: evaluation.status,
        changes: dto.conflictOfInterest ? { reason: dto.reason } : { confidentiality: true },
      });
      if (dto.conflictOfInterest) await this.assignment.fill(manager, emit, evaluation.callId);
      return evaluation;
    });
  }

  async score(user: AuthUser, id: string, dto: ScoresDto): Promise<Evaluation> {
    return this.outbox.transaction(async (manager, emit) => {
      const found = await manager.findOne(Evaluation, { where: { id, evaluatorId: user.id } });
      if (!found || found.status === 'cancelled') throw ApiError.notFound(NOT_FOUND);
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
        throw ApiError.forbidden('DECLARATION_REQUIRED', {
          pl: 'Ocena wymaga deklaracji bezstronności i poufności',
          en: 'Scoring needs the impartiality and confidentiality declaration',
        });
      }
      if (evaluation.status !== 'declared') {
        throw ApiError.conflict('ALREADY_SCORED', {
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
          await this.appeals.resolve(manager, emit, evaluation, application, call);
        } else {
          await this.advance(manager, emit, application, call);
        }
      }
      return evaluation;
    });
  }

  /** After a first-round or third score: a third evaluator, or the final score and the threshold. */
  private async advance(
    manager: EntityManager,
    emit: Emit,
    application: GrantApplication,
    call: Call,
  ): Promise<void> {
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
        await this.assignment.fill(manager, emit, call.id);
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
