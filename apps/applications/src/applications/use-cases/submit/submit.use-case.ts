import { Injectable } from '@nestjs/common';
import {
  ApiError,
  AuditService,
  Clock,
  OutboxService,
  warsawYear,
  type AuthUser,
} from '@app/common';
import { CallReadModel } from '../../../calls/call.entity.js';
import { correctionInTime, submitAction } from '../../../domain/application-lifecycle.js';
import { isCallOpen } from '../../../domain/call-window.js';
import { FORM_INVALID } from '../../../shared/access.js';
import { recipientOf } from '../../../shared/recipients.js';
import { TimersService } from '../../../timers/timers.service.js';
import { findOwnApplication } from '../../application-access.js';
import { Application, ApplicationVersion } from '../../application.entity.js';
import { ApplicationsErrors } from '../../applications.errors.js';
import { CORRECTION_TIMER } from '../../correction-timer.js';
import { correctionsAnsweredPayload, submittedPayload } from '../../events/payloads.js';
import { nextReference } from '../../reference-counter.js';
import { checkSubmission } from './submission-check.js';

export interface SubmitApplicationCommand {
  readonly user: AuthUser;
  readonly applicationId: string;
}

/**
 * Submits the draft (only while its call is open), or answers a correction request with a new
 * version (within the term). Idempotent: a repeated or concurrent submit waits on the row lock
 * and returns the same submission, with one event. The path is described step by step in
 * docs/architecture.md#a-submission-end-to-end.
 */
@Injectable()
export class SubmitApplicationUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly timers: TimersService,
    private readonly clock: Clock,
  ) {}

  async execute({ user, applicationId }: SubmitApplicationCommand): Promise<Application> {
    return this.outbox.transaction(async (manager, emit) => {
      const application = await findOwnApplication(manager, user, applicationId);
      const action = submitAction(application.state);
      if (action === 'repeat' && application.reference) return application;
      if (action !== 'submit' && action !== 'answer-corrections') {
        throw ApiError.conflict(ApplicationsErrors.NOT_A_DRAFT, {
          pl: 'Tego wniosku nie można złożyć w obecnym stanie',
          en: 'This application cannot be submitted in its current state',
        });
      }
      const now = this.clock.now();
      const call = await manager.findOneOrFail(CallReadModel, {
        where: { id: application.callId },
      });
      const answering = action === 'answer-corrections';
      if (!answering && !isCallOpen(call, now)) {
        throw ApiError.unprocessable(ApplicationsErrors.CALL_CLOSED, {
          pl: 'Nabór nie jest otwarty: wniosek można złożyć tylko w czasie trwania naboru',
          en: 'The call is not open: applications can be submitted only while it is open',
        });
      }
      if (
        answering &&
        application.corrections &&
        !correctionInTime(now, new Date(application.corrections.deadline))
      ) {
        throw ApiError.unprocessable(ApplicationsErrors.CORRECTION_TERM_PASSED, {
          pl: 'Termin na uzupełnienie braków formalnych minął',
          en: 'The term for corrections has passed',
        });
      }
      const { problems, amount } = await checkSubmission(
        manager,
        application,
        call,
        application.submittedAt ?? now,
      );
      if (problems.length > 0 || !amount)
        throw ApiError.unprocessable(ApplicationsErrors.FORM_INVALID, FORM_INVALID, problems);

      const fromState = application.state;
      const applicant = await recipientOf(manager, application.applicantId);
      if (answering) await this.timers.cancel(manager, CORRECTION_TIMER, application.id);
      application.submittedVersion += 1;
      await manager.insert(ApplicationVersion, {
        applicationId: application.id,
        centreId: application.centreId,
        version: application.submittedVersion,
        form: application.form as any,
        amount: amount as any,
        submittedAt: now,
      });
      // The year's reference counter is locked from here to the commit (that is what keeps the
      // numbers gap-free), so everything that does not need the number is done before it.
      const reference = (application.reference ??= await nextReference(manager, warsawYear(now)));
      application.state = 'submitted';
      application.submittedAt ??= now;
      application.amount = amount as unknown as Record<string, unknown>;
      application.requestedTotal = amount.total;
      if (answering && application.corrections) {
        application.corrections = { ...application.corrections, answeredAt: now.toISOString() };
      }
      application.updatedAt = now;
      await manager.update(Application, application.id, {
        state: application.state,
        reference,
        submittedVersion: application.submittedVersion,
        submittedAt: application.submittedAt,
        amount: application.amount as any,
        requestedTotal: application.requestedTotal,
        corrections: application.corrections as any,
        updatedAt: now,
      });
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: answering ? 'corrections-answered' : 'submitted',
        fromState,
        toState: 'submitted',
        changes: {
          reference,
          version: application.submittedVersion,
          requestedTotal: amount.total,
        },
      });
      if (answering) {
        await emit(
          'applications.application.corrections-answered',
          correctionsAnsweredPayload(application, now, applicant),
        );
      } else {
        await emit(
          'applications.application.submitted',
          submittedPayload(application, call, now, applicant),
        );
      }
      return application;
    });
  }
}
