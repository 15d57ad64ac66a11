import { Injectable } from '@nestjs/common';
import { ApiError, AuditService, Clock, OutboxService, type AuthUser } from '@app/common';
import { withdrawAction } from '../../../domain/application-lifecycle.js';
import { recipientOf } from '../../../shared/recipients.js';
import { TimersService } from '../../../timers/timers.service.js';
import { findOwnApplication } from '../../application-access.js';
import type { Application } from '../../application.entity.js';
import { ApplicationsErrors } from '../../applications.errors.js';
import { CORRECTION_TIMER } from '../../correction-timer.js';
import { withdrawnPayload } from '../../events/payloads.js';

export interface WithdrawApplicationCommand {
  readonly user: AuthUser;
  readonly applicationId: string;
}

/** The applicant withdraws the application before the formal decision. Idempotent. */
@Injectable()
export class WithdrawApplicationUseCase {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly timers: TimersService,
    private readonly clock: Clock,
  ) {}

  async execute({ user, applicationId }: WithdrawApplicationCommand): Promise<Application> {
    return this.outbox.transaction(async (manager, emit) => {
      const application = await findOwnApplication(manager, user, applicationId);
      const action = withdrawAction(application.state);
      if (action === 'repeat') return application;
      if (action === 'refuse') {
        throw ApiError.conflict(ApplicationsErrors.CANNOT_WITHDRAW, {
          pl: 'Wniosku nie można już wycofać: ocena formalna została zakończona',
          en: 'The application can no longer be withdrawn: the formal check is over',
        });
      }
      const now = this.clock.now();
      const fromState = application.state;
      application.state = 'withdrawn';
      application.withdrawnAt = now;
      application.updatedAt = now;
      await manager.save(application);
      await this.timers.cancel(manager, CORRECTION_TIMER, application.id);
      await this.audit.record(manager, {
        actorId: user.id,
        entityType: 'application',
        entityId: application.id,
        action: 'withdrawn',
        fromState,
        toState: 'withdrawn',
      });
      await emit(
        'applications.application.withdrawn',
        withdrawnPayload(application, now, await recipientOf(manager, application.applicantId)),
      );
      return application;
    });
  }
}
