import { Injectable } from '@nestjs/common';
import { Clock, RequestContext, type EventEnvelope } from '@app/common';
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
    private readonly clock: Clock,
  ) {}

  async execute({ manager }: Tx, { event }: RecordSubmissionInput): Promise<void> {
    const p = event.payload;
    if (!(await this.readModel.lockCallRules(manager, p.callId, p.submittedAt, p.centreId))) return; // not our call
    // The row and its audit entry in one statement.
    await this.readModel.upsertSubmitted(manager, p, event.occurredAt, {
      at: this.clock.now(),
      actorId: p.applicant.userId ?? null,
      correlationId: RequestContext.current()?.correlationId ?? null,
    });
  }
}
