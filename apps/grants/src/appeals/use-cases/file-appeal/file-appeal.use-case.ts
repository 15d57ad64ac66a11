import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import { Call } from '../../../calls/call.entity.js';
import { AssignEvaluators } from '../../../evaluation/use-cases/assign-evaluators/assign-evaluators.use-case.js';
import { field, invalid, isUniqueViolation } from '../../../shared/problems.js';
import { Appeal } from '../../appeal.entity.js';
import { AppealsErrors } from '../../appeals.errors.js';
import type { AppealDto } from '../../appeals.dto.js';
import { decisionFor } from '../../decision-access.js';

export interface FileAppealInput {
  readonly user: AuthUser;
  readonly decisionId: string;
  readonly appeal: AppealDto;
}

/**
 * An appeal (odwołanie) against a decision that did not fund the application: the applicant
 * only, within the appeal term, naming the contested criteria; one per decision. An evaluator
 * who never scored the application is assigned at once.
 */
@Injectable()
export class FileAppeal {
  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly assignEvaluators: AssignEvaluators,
  ) {}

  async execute({ user, decisionId, appeal: dto }: FileAppealInput): Promise<Appeal> {
    try {
      return await this.outbox.transaction(async (manager, emit) => {
        const { decision, application } = await decisionFor(manager, user, decisionId);
        if (application.applicantUserId !== user.id) {
          throw ApiError.forbidden(AppealsErrors.NOT_THE_APPLICANT, {
            pl: 'Odwołanie może złożyć tylko wnioskodawca',
            en: 'Only the applicant may appeal',
          });
        }
        const call = await manager.findOneOrFail(Call, { where: { id: decision.callId } });
        const now = this.clock.now();
        if (decision.outcome === 'funded') {
          throw ApiError.unprocessable(AppealsErrors.NOTHING_TO_APPEAL, {
            pl: 'Wniosek otrzymał dofinansowanie: nie ma od czego się odwołać',
            en: 'The application was funded: there is nothing to appeal',
          });
        }
        if (now > decision.appealDeadline) {
          throw ApiError.unprocessable(AppealsErrors.APPEAL_TERM_OVER, {
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
        await this.assignEvaluators.execute({ manager, emit }, { callId: call.id });
        return await manager.findOneOrFail(Appeal, { where: { id: appeal.id } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ApiError.conflict(AppealsErrors.APPEAL_ALREADY_FILED, {
          pl: 'Odwołanie od tej decyzji zostało już złożone',
          en: 'An appeal against this decision has already been filed',
        });
      }
      throw error;
    }
  }
}
