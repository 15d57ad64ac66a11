import { Injectable } from '@nestjs/common';
import { AuditService, type EventEnvelope } from '@app/common';
import type { Tx } from '../../../shared/tx.js';
import { ApplicationsReadModel } from '../../read-model.repository.js';

export interface WithdrawApplicationInput {
  readonly event: EventEnvelope<'applications.application.withdrawn'>;
}

/**
 * The applicant withdrew the application: only before the decision (applications allows it only
 * then; a late event changes nothing). Its unscored evaluations are cancelled.
 */
@Injectable()
export class WithdrawApplication {
  constructor(
    private readonly readModel: ApplicationsReadModel,
    private readonly audit: AuditService,
  ) {}

  async execute({ manager }: Tx, { event }: WithdrawApplicationInput): Promise<void> {
    const p = event.payload;
    await this.readModel.assertCentre(manager, p.applicationId, p.centreId);
    const before = await this.readModel.markWithdrawn(manager, p.applicationId, event.occurredAt);
    if (before === null) return;
    await this.audit.record(manager, {
      actorId: p.applicant.userId ?? null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'withdrawn',
      fromState: before,
      toState: 'withdrawn',
    });
  }
}
