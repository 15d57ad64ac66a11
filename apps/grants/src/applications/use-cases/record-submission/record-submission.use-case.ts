import { Injectable } from '@nestjs/common';
import { AuditService, type EventEnvelope } from '@app/common';
import type { Tx } from '../../../shared/tx.js';
import { ApplicationsReadModel } from '../../read-model.repository.js';

export interface RecordSubmissionInput {
  readonly event: EventEnvelope<'applications.application.submitted'>;
}

/**
 * An application was submitted to one of this centre's calls: it enters the read model as
 * submitted, and the call's rules are frozen (the first submission does it).
 */
@Injectable()
export class RecordSubmission {
  constructor(
    private readonly readModel: ApplicationsReadModel,
    private readonly audit: AuditService,
  ) {}

  async execute({ manager }: Tx, { event }: RecordSubmissionInput): Promise<void> {
    const p = event.payload;
    if (!(await this.readModel.lockCallRules(manager, p.callId, p.submittedAt, p.centreId))) return; // not our call
    await this.readModel.upsertSubmitted(manager, p, event.occurredAt);
    await this.audit.record(manager, {
      actorId: p.applicant.userId ?? null,
      entityType: 'application',
      entityId: p.applicationId,
      action: 'submitted',
      toState: 'submitted',
      changes: { reference: p.reference, version: p.version },
    });
  }
}
