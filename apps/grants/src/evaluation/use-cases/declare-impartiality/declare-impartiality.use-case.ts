import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import type { DeclarationDto } from '../../evaluation.dto.js';
import { ownEvaluation } from '../../evaluation-access.js';
import { EvaluationErrors } from '../../evaluation.errors.js';
import type { Evaluation } from '../../evaluation.entities.js';
import { AssignEvaluators } from '../assign-evaluators/assign-evaluators.use-case.js';

export interface DeclareImpartialityInput {
  readonly user: AuthUser;
  readonly evaluationId: string;
  readonly declaration: DeclarationDto;
}

/**
 * The evaluator's impartiality and confidentiality declaration for an evaluation, or a conflict
 * of interest, which gives the application to someone else from the pool.
 */
@Injectable()
export class DeclareImpartiality {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignEvaluators: AssignEvaluators,
  ) {}

  execute({
    user,
    evaluationId: id,
    declaration: dto,
  }: DeclareImpartialityInput): Promise<Evaluation> {
    return this.outbox.transaction(async (manager, emit) => {
      const evaluation = await ownEvaluation(manager, user, id, true);
      if (evaluation.status !== 'assigned') {
        throw ApiError.conflict(EvaluationErrors.ALREADY_DECLARED, {
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
      if (dto.conflictOfInterest)
        await this.assignEvaluators.execute({ manager, emit }, { callId: evaluation.callId });
      return evaluation;
    });
  }
}
