import { Injectable } from '@nestjs/common';
import { AuditService, type EventEnvelope } from '@app/common';
import type { Tx } from '../../../shared/tx.js';
import { ApplicationsReadModel } from '../../read-model.repository.js';

export interface RejectApplicationInput {
  readonly event: EventEnvelope<'applications.application.formally-rejected'>;
}

/** An application failed the formal check: it leaves the call's evaluation. */
@Injectable()
export class RejectApplication {
  constructor(
    private readonly readModel: ApplicationsReadModel,
    private readonly audit: AuditService,
  ) {}

  async execute({ manager }: Tx, { event }: RejectApplicationInput): Promise<void> {
    const p = event.payload;
    await this.readModel.assertCentre(manager, p.applicationId, p.centreId);
    if (!(await this.readModel.markRejected(manager, p.applicationId, event.occurredAt))) return;
    await this.audit.record(manager, {
      actorId: null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'formally-rejected',
      fromState: 'submitted',
      toState: 'formally-rejected',
    });
  }
}
