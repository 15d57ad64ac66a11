import { Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  validationFailed,
  workingDayTerm,
  type AuthUser,
  type FieldProblem,
} from '@app/common';
import { CallReadModel } from '../../../calls/call.entity.js';
import { ApplicationsEnv } from '../../../config/applications.env.js';
import {
  correctionTimerDueAt,
  formalCheckRefusal,
  misplacedFormalCheckFields,
  stateAfterFormalCheck,
  type FormalCheckResult,
} from '../../../domain/application-lifecycle.js';
import { recipientOf } from '../../../shared/recipients.js';
import { TimersService } from '../../../timers/timers.service.js';
import { findVisibleApplication } from '../../application-access.js';
import type { Application } from '../../application.entity.js';
import { ApplicationsErrors } from '../../applications.errors.js';
import { CORRECTION_TIMER } from '../../correction-timer.js';
import {
  crossApplicationConflictError,
  crossApplicationConflictsOf,
} from '../../cross-application.query.js';
import {
  correctionsRequestedPayload,
  formallyAcceptedPayload,
  formallyRejectedPayload,
} from '../../events/payloads.js';

export interface FormalCheckCommand {
  readonly user: AuthUser;
  readonly applicationId: string;
  readonly result: FormalCheckResult;
  /** What to correct: only with `corrections`. */
  readonly issues?: readonly { readonly path?: string; readonly description: string }[];
  /** Why the form is rejected: only with `rejected`. */
  readonly reasons?: readonly string[];
}

const MISPLACED: Record<'issues' | 'reasons', FieldProblem> = {
  issues: {
    path: 'issues',
    message: {
      pl: 'Braki wskazuje się tylko przy wezwaniu do uzupełnienia',
      en: 'Issues are given only when requesting corrections',
    },
  },
  reasons: {
    path: 'reasons',
    message: {
      pl: 'Powody podaje się tylko przy odrzuceniu',
      en: 'Reasons are given only when rejecting',
    },
  },
};

/**
 * The operator's formal check of a submitted application: accepted (refused while it conflicts
 * with other applications), corrections requested (a term in working days, with its durable
 * timer), or rejected.
 */
@Injectable()
export class FormalCheckUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly timers: TimersService,
    private readonly env: ApplicationsEnv,
    private readonly clock: Clock,
  ) {}

  async execute(command: FormalCheckCommand): Promise<Application> {
    const { user, applicationId, result } = command;
    const [misplaced] = misplacedFormalCheckFields(result, {
      issues: command.issues !== undefined,
      reasons: command.reasons !== undefined,
    });
    if (misplaced) throw validationFailed([MISPLACED[misplaced]]);
    return this.outbox.transaction(async (manager, emit) => {
      const application = await findVisibleApplication(manager, user, applicationId, true);
      const refusal = formalCheckRefusal(
        application.state,
        result,
        application.correctionRounds,
        this.env.CORRECTION_ROUNDS,
      );
      if (refusal === 'notAwaitingCheck') {
        throw ApiError.conflict(ApplicationsErrors.NOT_AWAITING_FORMAL_CHECK, {
          pl: 'Wniosek nie oczekuje na ocenę formalną',
          en: 'The application is not awaiting a formal check',
        });
      }
      if (refusal === 'noCorrectionRoundsLeft') {
        throw ApiError.conflict(ApplicationsErrors.NO_CORRECTION_ROUNDS_LEFT, {
          pl: 'Wykorzystano już dopuszczalną liczbę wezwań do uzupełnienia; wniosek należy przyjąć lub odrzucić',
          en: 'No correction rounds are left; the application must be accepted or rejected',
        });
      }
      if (result === 'accepted') {
        // Rules across applications: the later application waits until the conflict is resolved.
        const conflicts = await crossApplicationConflictsOf(manager, application);
        if (conflicts.length > 0) throw crossApplicationConflictError(conflicts);
      }
      const now = this.clock.now();
      const call = await manager.findOneOrFail(CallReadModel, {
        where: { id: application.callId },
      });
      const applicant = await recipientOf(manager, application.applicantId);
      const toState = stateAfterFormalCheck(result);
      application.state = toState;
      application.updatedAt = now;
      let changes: Record<string, unknown> = {};

      if (result === 'corrections') {
        const term = workingDayTerm(now, call.correctionTermWorkingDays);
        application.correctionRounds += 1;
        const corrections = {
          round: application.correctionRounds,
          issues: (command.issues ?? []).map((i) => ({
            ...(i.path ? { path: i.path } : {}),
            description: i.description,
          })),
          termWorkingDays: call.correctionTermWorkingDays,
          lastDay: term.lastDay,
          deadline: term.deadline.toISOString(),
          requestedAt: now.toISOString(),
          requestedBy: user.id,
        };
        application.corrections = corrections;
        changes = { corrections };
        await manager.save(application);
        await this.timers.schedule(manager, {
          kind: CORRECTION_TIMER,
          entityId: application.id,
          dueAt: correctionTimerDueAt(term.deadline),
          payload: { round: application.correctionRounds },
        });
        await emit(
          'applications.application.corrections-requested',
          correctionsRequestedPayload(application, corrections, term, now, applicant),
        );
      } else if (result === 'rejected') {
        application.decidedAt = now;
        application.decidedBy = user.id;
        application.decisionReasons = [...(command.reasons ?? [])];
        changes = { reasons: application.decisionReasons };
        await manager.save(application);
        await emit(
          'applications.application.formally-rejected',
          formallyRejectedPayload(application, now, applicant, false),
        );
      } else {
        application.decidedAt = now;
        application.decidedBy = user.id;
        await manager.save(application);
        await emit(
          'applications.application.formally-accepted',
          await formallyAcceptedPayload(manager, application, now, applicant),
        );
      }
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: `formal-check.${result}`,
        fromState: 'submitted',
        toState,
        changes,
      });
      return application;
    });
  }
}
